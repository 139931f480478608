//! Files on disk, the leaf every floor may use: capped, non-blocking reads ([`read`]), the one
//! atomic writer ([`write`]), private files and folders ([`private`]), one writer per file
//! ([`lock`]), and the one table of limits ([`limits`]).

pub mod limits;
pub mod lock;
pub mod private;
pub mod read;
pub mod write;

//! Files on disk, the leaf every floor may use: capped, non-blocking reads ([`read`]), the one
//! atomic writer ([`write`]), private files and folders ([`private`]), one writer per file
//! ([`lock`]), and the one table of limits ([`limits`]).

pub mod limits;
pub(crate) mod lock;
pub(crate) mod private;
pub(crate) mod read;
pub(crate) mod write;

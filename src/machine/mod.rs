//! This computer, read without privileges: the bottom floor of the measuring tower. [`process`]
//! is the one way to start a child program (fixed argv, no stdin, capped output, timeout, killed
//! on drop); [`registry`] reads the Windows registry (no child process); [`proxy`] reads the
//! operating system's own proxy settings and parses them into plain findings. Nothing here
//! judges: the checks above say what the findings mean.

pub mod process;
pub mod proxy;
pub mod registry;

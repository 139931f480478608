//! Where the TUI's input events come from.
//!
//! On Unix, a reader of our own: crossterm's reads at most 1 KB per readiness event of an
//! edge-triggered epoll registration, so whatever else arrived at once (a long paste, a burst
//! of keys) waited in the kernel until the next key. Here a dedicated thread does blocking
//! reads of the terminal (stdin, which the TUI requires to be a tty) with a large buffer, feeds
//! [`parser::Parser`], and sends each event down a bounded channel (a full channel holds the
//! thread: backpressure, never an unbounded queue). The window's size changes come from
//! SIGWINCH (`crossterm::terminal::size`), as crossterm's reader did.
//!
//! On Windows, crossterm's `EventStream` (the console API has no such problem).

#[cfg(unix)]
pub mod parser;

use std::io;

use crossterm::event::Event;

/// An input event, an error reading input, or `None`: input has ended (the window closed).
pub type Next = Option<io::Result<Event>>;

#[cfg(unix)]
pub use unix::Input;
#[cfg(windows)]
pub use windows::Input;

#[cfg(unix)]
mod unix {
    use std::io::{self, Read as _};
    use std::os::fd::AsFd as _;

    use crossterm::event::Event;
    use tokio::signal::unix::{Signal, SignalKind, signal};
    use tokio::sync::mpsc::{self, Receiver, Sender, error::TryRecvError};

    use super::Next;
    use super::parser::Parser;

    /// How much one read takes (crossterm's: 1 KB).
    const READ_SIZE: usize = 64 * 1024;
    /// Events that may wait for the loop before the reader thread waits for it.
    const QUEUE: usize = 4096;

    /// The terminal's input: events from the reader thread and resizes from SIGWINCH.
    pub struct Input {
        events: Receiver<io::Result<Event>>,
        resized: Option<Signal>,
    }

    impl Input {
        /// Starts the reader thread on a copy of stdin's descriptor. Call inside the runtime.
        pub fn new() -> io::Result<Input> {
            let tty = std::fs::File::from(io::stdin().as_fd().try_clone_to_owned()?);
            let (tx, events) = mpsc::channel(QUEUE);
            std::thread::Builder::new()
                .name("qbfix-input".into())
                .spawn(move || read_loop(tty, &tx))?;
            // Without it the layout still follows the size at each draw; only the redraw waits.
            let resized = signal(SignalKind::window_change()).ok();
            Ok(Input { events, resized })
        }

        /// The next event, waiting for one.
        pub async fn next(&mut self) -> Next {
            loop {
                tokio::select! {
                    event = self.events.recv() => return event,
                    Some(()) = winch(&mut self.resized) => {
                        if let Some(event) = resize() {
                            return Some(Ok(event));
                        }
                    }
                }
            }
        }

        /// An event already waiting, without waiting: `None` when there is none now.
        pub async fn waiting(&mut self) -> Option<Next> {
            match self.events.try_recv() {
                Ok(event) => Some(Some(event)),
                Err(TryRecvError::Disconnected) => Some(None),
                Err(TryRecvError::Empty) => None,
            }
        }
    }

    async fn winch(resized: &mut Option<Signal>) -> Option<()> {
        match resized {
            Some(signal) => signal.recv().await,
            None => std::future::pending().await,
        }
    }

    fn resize() -> Option<Event> {
        crossterm::terminal::size()
            .ok()
            .map(|(width, height)| Event::Resize(width, height))
    }

    /// Reads until input ends or the loop is gone. An error is sent once and ends the reads.
    fn read_loop(mut tty: std::fs::File, tx: &Sender<io::Result<Event>>) {
        let mut parser = Parser::new();
        let mut buf = vec![0u8; READ_SIZE];
        let mut gone = false;
        loop {
            let n = match tty.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    return;
                }
            };
            parser.advance(&buf[..n], n == buf.len(), |event| {
                gone = gone || tx.blocking_send(Ok(event)).is_err();
            });
            if gone {
                return;
            }
        }
    }
}

#[cfg(windows)]
mod windows {
    use std::io;
    use std::task::Poll;

    use crossterm::event::EventStream;
    use futures::StreamExt as _;

    use super::Next;

    /// crossterm's event stream.
    pub struct Input {
        stream: EventStream,
    }

    impl Input {
        pub fn new() -> io::Result<Input> {
            Ok(Input {
                stream: EventStream::new(),
            })
        }

        /// The next event, waiting for one.
        pub async fn next(&mut self) -> Next {
            self.stream.next().await
        }

        /// An event already waiting, without waiting: `None` when there is none now. Polled
        /// with the task's own waker (crossterm wakes only the first waker it was given), so a
        /// `Pending` here still wakes the loop when more arrives.
        pub async fn waiting(&mut self) -> Option<Next> {
            std::future::poll_fn(|cx| match self.stream.poll_next_unpin(cx) {
                Poll::Ready(event) => Poll::Ready(Some(event)),
                Poll::Pending => Poll::Ready(None),
            })
            .await
        }
    }
}

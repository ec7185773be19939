//! # dxcast-ffi
//!
//! dxcast's core as a WebAssembly module with a C ABI, for hosts that are not
//! JavaScript: wasmtime from Rust, Python or C, or any other runtime.
//!
//! - **Zero imports.** The module needs nothing from its host: no WASI, no
//!   allocator, no clock. It exports its memory and the `dxcast_*` functions.
//! - **No allocator.** Inputs and outputs live in memory the host can see:
//!   the module's own I/O arena (`dxcast_buffer_ptr`, `dxcast_buffer_len`),
//!   or memory at or above `dxcast_heap_base()` that the host owns (it may
//!   grow the memory and use the new pages).
//! - **Every pointer checked.** Every address and length is checked against
//!   those two zones, the memory's current size and the alignment of what it
//!   holds before a byte is read or written, and an output that shares
//!   memory with another region of the call is refused. A bad one is an
//!   error code, never a trap.
//! - **Fitted models kept.** `dxcast_fit` returns a handle to a model the
//!   module keeps in a fixed pool of slots (`pool`); later calls take the
//!   handle and never fit again.
//! - **No panics.** The core denies them, and so does this shim. The panic
//!   handler calls a function that exists nowhere: if any panic path
//!   survived optimisation, the release module would import it, and the
//!   zero-import check would fail. Zero imports is the proof.
//!
//! Every function returns an `i32`: a count, a code or a handle, 0 or more,
//! on success; a negative error code (the core's `ErrorKind::code`) on
//! failure, whose message, field and index `dxcast_last_error*` give. Dates
//! are day numbers: days since 1970-01-01 (`i32`). Numbers are `f64`, and
//! never NaN or infinite in an output: a quantity that may be unknown has a
//! bit in its record's `known` flags.
//!
//! The reference, with every function, the layout of every struct and the
//! error codes, is `ABI.md` beside this crate's manifest; `dxcast.h` declares
//! the same for C.
//!
//! The crate builds only for `wasm32-unknown-unknown`; on other targets it is
//! empty (it is excluded from the workspace's native builds anyway):
//!
//! ```sh
//! cargo build -p dxcast-ffi --target wasm32-unknown-unknown --release
//! ```
#![cfg(target_arch = "wasm32")]
#![no_std]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented,
    clippy::exit
)]

pub mod abi;
mod codes;
mod failure;
mod layout;
mod mem;
mod ops;
mod pool;
mod wire;

/// The ABI version: major in the high 16 bits, minor in the low 16 bits.
/// See `ABI.md`, "Versioning".
pub const ABI_VERSION: u32 = (ABI_MAJOR << 16) | ABI_MINOR;
/// Incremented for any change that can break a host written for the previous
/// version: a changed signature, layout, code or meaning.
pub const ABI_MAJOR: u32 = 2;
/// Incremented for additions that leave every existing call working: new
/// functions, new codes in an output, meanings for values that were reserved.
pub const ABI_MINOR: u32 = 0;

/// Never called. The core and this shim deny panics (no indexing, no
/// `unwrap`, no arithmetic that can overflow) and avoid library routines
/// whose own checks could panic; the build with `--cfg dxcast_prove_no_panic`
/// (below) proves that no panic path survives optimisation.
#[cfg(not(dxcast_prove_no_panic))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// Built with `--cfg dxcast_prove_no_panic`, the panic handler calls a
/// function no host defines: if any panic path survives optimisation, the
/// module imports it, and the check that the module has no imports fails.
/// The release build therefore proves that no panic path remains.
#[cfg(dxcast_prove_no_panic)]
#[allow(unsafe_code)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    extern "C" {
        fn dxcast_panic_path_reached() -> !;
    }
    // SAFETY: never defined, so never called: a module that still calls it
    // fails the build's import check before it can be used.
    unsafe { dxcast_panic_path_reached() }
}

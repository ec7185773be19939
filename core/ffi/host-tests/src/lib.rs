//! Tests of the dxcast C-ABI module (`dxcast-ffi`) from a wasmtime host.
//!
//! The library is empty: the tests in `tests/` load
//! `target/wasm32-unknown-unknown/release/dxcast_ffi.wasm` (or the file named
//! by `DXCAST_FFI_WASM`), call every export, and compare the results with the
//! native `dxcast-core` on the same inputs. `cargo xtask test` builds the
//! module first.

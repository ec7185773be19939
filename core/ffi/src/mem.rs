//! Linear memory: the I/O arena, the checked [`Region`]s the host passes
//! (and, per call, that no output shares memory with another region:
//! [`Call`]), and the last failure. This module, the pool of fitted models
//! and the export table are the only code that uses `unsafe`.
//!
//! The module's memory is laid out by the linker: the stack at the bottom,
//! then the static data (the I/O arena among it), then `__heap_base`. Nothing
//! in the module uses the memory from `__heap_base` up, so the host may: a
//! host region must lie entirely inside the arena or entirely inside
//! `[__heap_base, end of memory)`. The stack and the module's other statics
//! are out of the host's reach.
//!
//! The module runs on one thread (wasm32-unknown-unknown has no threads), and
//! a host cannot run code of its own while a call is in progress: nothing
//! else touches memory while these functions copy bytes.
#![allow(unsafe_code)]

use core::cell::UnsafeCell;

use crate::failure::Failure;

/// The most regions one call checks (`dxcast_analyse` has five).
const MAX_REGIONS: usize = 8;

/// The size of the I/O arena in bytes.
pub(crate) const ARENA_LEN: usize = 256 * 1024;

/// The size of a WebAssembly page.
const PAGE: u64 = 65_536;

/// The I/O arena: static memory the host may read and write between calls.
#[repr(C, align(16))]
struct Arena(UnsafeCell<[u8; ARENA_LEN]>);

// SAFETY: wasm32-unknown-unknown has one thread, and the arena is only
// accessed through the raw copies of `Region`.
unsafe impl Sync for Arena {}

static ARENA: Arena = Arena(UnsafeCell::new([0; ARENA_LEN]));

/// The failure of the last call that failed.
struct Last(UnsafeCell<Option<Failure>>);

// SAFETY: one thread; the cell is read and written by value only, never
// borrowed across a call.
unsafe impl Sync for Last {}

static LAST: Last = Last(UnsafeCell::new(None));

extern "C" {
    /// Defined by the linker: the first address after the static data and
    /// the stack. Not an import.
    static __heap_base: u8;
}

/// The arena's address.
pub(crate) fn arena_ptr() -> usize {
    ARENA.0.get() as usize
}

/// The first address of the host's memory.
pub(crate) fn heap_base() -> usize {
    // Only the address of the linker's symbol is taken; it is never read.
    core::ptr::addr_of!(__heap_base) as usize
}

/// The current size of memory in bytes (as `u64`: 65 536 pages of 64 KiB
/// would overflow `u32`).
fn memory_end() -> u64 {
    (core::arch::wasm32::memory_size(0) as u64).saturating_mul(PAGE)
}

/// Records the failure of a call.
pub(crate) fn set_last(failure: Failure) {
    // SAFETY: one thread, no reference to the cell's content outlives this line.
    unsafe { *LAST.0.get() = Some(failure) }
}

/// The failure of the last call that failed.
pub(crate) fn last() -> Option<Failure> {
    // SAFETY: as in `set_last`; `Failure` is `Copy`.
    unsafe { *LAST.0.get() }
}

/// A range of linear memory that lies inside one of the host's zones, with
/// an address that is a multiple of the alignment it was checked for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region {
    addr: usize,
    len: usize,
}

impl Region {
    /// Checks `len` bytes at `addr`, aligned to `align`, for the argument
    /// named `arg`. An empty region is always valid and never touched.
    pub(crate) fn new(
        arg: &'static str,
        addr: u32,
        len: usize,
        align: usize,
    ) -> Result<Region, Failure> {
        if len == 0 {
            return Ok(Region { addr: 0, len: 0 });
        }
        let bad = Failure::BadRegion { arg, addr, len };
        let start = usize::try_from(addr).map_err(|_| bad)?;
        let end = start.checked_add(len).ok_or(bad)?;
        let end_u64 = u64::try_from(end).map_err(|_| bad)?;
        let arena = arena_ptr();
        let in_arena = start >= arena && end <= arena.saturating_add(ARENA_LEN);
        let in_heap = start >= heap_base() && end_u64 <= memory_end();
        if !(in_arena || in_heap) {
            return Err(bad);
        }
        if align > 1 && start.checked_rem(align) != Some(0) {
            return Err(Failure::Misaligned { arg, addr, align });
        }
        Ok(Region { addr: start, len })
    }

    /// The length in bytes.
    pub(crate) const fn len(&self) -> usize {
        self.len
    }

    /// The `N` bytes at `offset`, or `None` past the end.
    pub(crate) fn load<const N: usize>(&self, offset: usize) -> Option<[u8; N]> {
        let end = offset.checked_add(N)?;
        if end > self.len {
            return None;
        }
        let mut out = [0u8; N];
        if N == 0 {
            return Some(out);
        }
        // SAFETY: `new` checked that `addr..addr + len` lies inside the arena
        // or the host's memory, and `offset + N <= len`. The copy goes into a
        // local array, so nothing borrowed aliases linear memory.
        unsafe {
            core::ptr::copy_nonoverlapping(
                (self.addr as *const u8).wrapping_add(offset),
                out.as_mut_ptr(),
                N,
            );
        }
        Some(out)
    }

    /// Fills `dst` with the bytes at `offset`, or returns `None` past the end.
    pub(crate) fn load_into(&self, offset: usize, dst: &mut [u8]) -> Option<()> {
        let end = offset.checked_add(dst.len())?;
        if end > self.len {
            return None;
        }
        if dst.is_empty() {
            return Some(());
        }
        // SAFETY: as in `load`.
        unsafe {
            core::ptr::copy_nonoverlapping(
                (self.addr as *const u8).wrapping_add(offset),
                dst.as_mut_ptr(),
                dst.len(),
            );
        }
        Some(())
    }

    /// The region's bytes, borrowed rather than copied: for an input too
    /// large to copy (report text).
    pub(crate) fn bytes(&self) -> &[u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: `Region::new` checked that `addr..addr + len` lies inside
        // the arena or the host's memory, below the end of memory; wasm
        // memory never moves (growing it keeps every address), and the
        // module writes no region of the call that overlaps an input (`Call`
        // refuses such outputs), so the bytes do not change while borrowed.
        unsafe { core::slice::from_raw_parts(self.addr as *const u8, self.len) }
    }

    /// Writes `bytes` at `offset`, or returns `None` (writing nothing) when
    /// they do not fit.
    pub(crate) fn store(&self, offset: usize, bytes: &[u8]) -> Option<()> {
        let end = offset.checked_add(bytes.len())?;
        if end > self.len {
            return None;
        }
        if bytes.is_empty() {
            // Nothing to copy; an empty region's address is not checked.
            return Some(());
        }
        // SAFETY: as in `load`. The source is a local buffer, the destination
        // lies in the host's zones, which no Rust reference points into.
        unsafe {
            core::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                (self.addr as *mut u8).wrapping_add(offset),
                bytes.len(),
            );
        }
        Some(())
    }
}

/// The regions one call has checked, so that an output that shares memory
/// with an input or another output is refused before anything is read or
/// written. (Inputs may share memory with each other.)
#[derive(Debug)]
pub(crate) struct Call {
    seen: [(&'static str, usize, usize, bool); MAX_REGIONS],
    len: usize,
}

impl Call {
    /// No region checked yet.
    pub(crate) const fn new() -> Call {
        Call {
            seen: [("", 0, 0, false); MAX_REGIONS],
            len: 0,
        }
    }

    /// Checks an input region (see [`Region::new`]).
    pub(crate) fn input(
        &mut self,
        arg: &'static str,
        addr: u32,
        len: usize,
        align: usize,
    ) -> Result<Region, Failure> {
        let r = Region::new(arg, addr, len, align)?;
        self.add(arg, r, false)?;
        Ok(r)
    }

    /// Checks an output region (see [`Region::new`]).
    pub(crate) fn output(
        &mut self,
        arg: &'static str,
        addr: u32,
        len: usize,
        align: usize,
    ) -> Result<Region, Failure> {
        let r = Region::new(arg, addr, len, align)?;
        self.add(arg, r, true)?;
        Ok(r)
    }

    fn add(&mut self, arg: &'static str, r: Region, output: bool) -> Result<(), Failure> {
        if r.len == 0 {
            return Ok(());
        }
        let end = r.addr.saturating_add(r.len);
        for &(other, start, stop, other_output) in self.seen.iter().take(self.len) {
            let shared = r.addr < stop && start < end;
            if shared && (output || other_output) {
                let (arg, other) = if output { (arg, other) } else { (other, arg) };
                return Err(Failure::Overlap { arg, other });
            }
        }
        let slot = self.seen.get_mut(self.len).ok_or(Failure::BadRegion {
            arg,
            addr: u32::try_from(r.addr).unwrap_or(u32::MAX),
            len: r.len,
        })?;
        *slot = (arg, r.addr, end, output);
        self.len = self.len.saturating_add(1);
        Ok(())
    }
}

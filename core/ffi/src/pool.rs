//! The fitted models the host keeps: a fixed pool of slots in static memory,
//! each with a generation counter, handed out as handles.
//!
//! A handle is `generation << 6 | slot`. Freeing a slot bumps its
//! generation, so a handle that was freed (stale), never issued, or altered
//! by the host (forged) names no live slot and is refused; it can never
//! reach another model. The module owns the models' bytes: nothing the host
//! writes is ever read back as a model, so no host can make it read an
//! invalid one. Handles are above 0 and below 2³⁰, so they fit the `i32`
//! every function returns.
#![allow(unsafe_code)]

use core::cell::UnsafeCell;
use core::mem::MaybeUninit;

use dxcast_core::Fitted;

use crate::failure::Failure;
use crate::layout::FITTED_SLOTS;

/// The bits of a handle that give the slot (64 slots).
const SLOT_BITS: u32 = 6;
const SLOT_MASK: u32 = (1 << SLOT_BITS) - 1;
/// Generations run from 1 to this, then start again at 1.
const MAX_GENERATION: u32 = (1 << 24) - 1;

const _: () = assert!(FITTED_SLOTS == 1 << SLOT_BITS);

/// One slot. All zeros is an empty slot of generation 1, so the pool lives
/// in zero-initialised memory and adds nothing to the module's size.
#[derive(Clone, Copy)]
struct Slot {
    /// The generation, less 1.
    generation: u32,
    live: bool,
    fitted: MaybeUninit<Fitted>,
}

const EMPTY: Slot = Slot {
    generation: 0,
    live: false,
    fitted: MaybeUninit::uninit(),
};

struct Pool(UnsafeCell<[Slot; FITTED_SLOTS]>);

// SAFETY: wasm32-unknown-unknown has one thread, and the pool is only
// reached through `with`, which no call re-enters.
unsafe impl Sync for Pool {}

static POOL: Pool = Pool(UnsafeCell::new([EMPTY; FITTED_SLOTS]));

fn with<R>(f: impl FnOnce(&mut [Slot; FITTED_SLOTS]) -> R) -> R {
    // SAFETY: one thread; the borrow lasts for `f` only, and `f` (the
    // functions below) does not call `with` again.
    f(unsafe { &mut *POOL.0.get() })
}

fn stale(handle: u32) -> Failure {
    Failure::StaleHandle {
        arg: "fitted",
        value: handle,
    }
}

/// The live slot `handle` names.
fn slot(slots: &mut [Slot; FITTED_SLOTS], handle: u32) -> Result<&mut Slot, Failure> {
    let index = usize::try_from(handle & SLOT_MASK).map_err(|_| stale(handle))?;
    let generation = handle >> SLOT_BITS;
    match slots.get_mut(index) {
        Some(s) if s.live && s.generation.saturating_add(1) == generation => Ok(s),
        _ => Err(stale(handle)),
    }
}

/// Keeps `fitted` in a free slot and returns its handle.
pub(crate) fn insert(fitted: Fitted) -> Result<u32, Failure> {
    with(|slots| {
        let (index, s) = slots
            .iter_mut()
            .enumerate()
            .find(|(_, s)| !s.live)
            .ok_or(Failure::PoolFull)?;
        s.fitted = MaybeUninit::new(fitted);
        s.live = true;
        let index = u32::try_from(index).map_err(|_| Failure::PoolFull)?;
        Ok((s.generation.saturating_add(1) << SLOT_BITS) | index)
    })
}

/// A copy of the model `handle` names.
pub(crate) fn get(handle: u32) -> Result<Fitted, Failure> {
    with(|slots| {
        let s = slot(slots, handle)?;
        // SAFETY: a live slot holds the model `insert` wrote.
        Ok(unsafe { s.fitted.assume_init() })
    })
}

/// Frees the slot `handle` names; the handle, and every copy of it, is
/// stale from then on.
pub(crate) fn free(handle: u32) -> Result<(), Failure> {
    with(|slots| {
        let s = slot(slots, handle)?;
        s.live = false;
        s.generation = if s.generation.saturating_add(1) >= MAX_GENERATION {
            0
        } else {
            s.generation.saturating_add(1)
        };
        Ok(())
    })
}

/// How many slots are live.
pub(crate) fn live() -> usize {
    with(|slots| slots.iter().filter(|s| s.live).count())
}

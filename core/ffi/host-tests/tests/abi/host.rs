//! A wasmtime host for the C-ABI module: loading, calling, memory, and the
//! records of `ABI.md`, written here from the document rather than shared
//! with the module's source, so that the tests check the document too.

use std::env;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dxcast_core::{Bounds, Explanation, MeasureKind, Method, ModelSpec, Point, Unit};
use wasmtime::{Engine, Instance, Memory, Module, Store, WasmParams, WasmResults};

/// The release module: `$DXCAST_FFI_WASM`, or the workspace's target folder.
pub(crate) fn wasm_path() -> PathBuf {
    if let Some(p) = env::var_os("DXCAST_FFI_WASM") {
        return PathBuf::from(p);
    }
    let target = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target"));
    target.join("wasm32-unknown-unknown/release/dxcast_ffi.wasm")
}

/// The compiled module, shared by every test.
pub(crate) fn module() -> &'static (Engine, Module) {
    static MODULE: OnceLock<(Engine, Module)> = OnceLock::new();
    MODULE.get_or_init(|| {
        let path = wasm_path();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e}\nbuild it first: cargo build -p dxcast-ffi --target \
                 wasm32-unknown-unknown --release (cargo xtask test does)",
                path.display()
            )
        });
        let engine = Engine::default();
        let module = Module::new(&engine, bytes).expect("the module compiles");
        (engine, module)
    })
}

/// One instance of the module, with a bump allocator over its I/O arena.
pub(crate) struct Host {
    pub(crate) store: Store<()>,
    pub(crate) instance: Instance,
    pub(crate) memory: Memory,
    pub(crate) arena: u32,
    pub(crate) arena_len: u32,
    next: u32,
}

impl Host {
    pub(crate) fn new() -> Host {
        let (engine, module) = module();
        let mut store = Store::new(engine, ());
        // No imports: an empty list instantiates it.
        let instance =
            Instance::new(&mut store, module, &[]).expect("instantiates with no imports");
        let memory = instance
            .get_memory(&mut store, "memory")
            .expect("exports its memory");
        let mut host = Host {
            store,
            instance,
            memory,
            arena: 0,
            arena_len: 0,
            next: 0,
        };
        host.arena = host.call::<(), u32>("dxcast_buffer_ptr", ());
        host.arena_len = host.call::<(), u32>("dxcast_buffer_len", ());
        host.next = host.arena;
        host
    }

    /// Calls an export; a trap fails the test.
    pub(crate) fn call<P: WasmParams, R: WasmResults>(&mut self, name: &str, args: P) -> R {
        let f = self
            .instance
            .get_typed_func::<P, R>(&mut self.store, name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        f.call(&mut self.store, args)
            .unwrap_or_else(|trap| panic!("{name} trapped: {trap:?}"))
    }

    /// Calls an export that must succeed; returns its non-negative result.
    pub(crate) fn ok<P: WasmParams>(&mut self, name: &str, args: P) -> i32 {
        let rc: i32 = self.call(name, args);
        if rc < 0 {
            panic!("{name} failed with {rc}: {}", self.last_error());
        }
        rc
    }

    /// Calls an export that must fail with `code`; returns the message.
    pub(crate) fn fails<P: WasmParams>(&mut self, name: &str, args: P, code: i32) -> String {
        let rc: i32 = self.call(name, args);
        let msg = self.last_error();
        assert_eq!(rc, code, "{name}: expected error {code}, got {rc} ({msg})");
        assert_eq!(self.call::<(), i32>("dxcast_last_error_code", ()), code);
        msg
    }

    /// Calls an export that must fail with `code`, naming `field`; returns
    /// the message.
    #[track_caller]
    pub(crate) fn fails_naming<P: WasmParams>(
        &mut self,
        name: &str,
        args: P,
        code: i32,
        field: &str,
    ) -> String {
        let msg = self.fails(name, args, code);
        assert_eq!(self.last_field(), field, "{name}: the field ({msg})");
        msg
    }

    /// The message of the last failure.
    pub(crate) fn last_error(&mut self) -> String {
        self.text_of("dxcast_last_error")
    }

    /// The field the last failure names.
    pub(crate) fn last_field(&mut self) -> String {
        self.text_of("dxcast_last_error_field")
    }

    /// The index the last failure points at, or -1.
    pub(crate) fn last_index(&mut self) -> i32 {
        self.call("dxcast_last_error_index", ())
    }

    fn text_of(&mut self, export: &str) -> String {
        let buf = self.alloc(1024);
        let n = self.ok(export, (buf, 1024u32));
        String::from_utf8(self.bytes(buf, n as usize)).expect("UTF-8")
    }

    /// Fits `spec` to the series at `series`; returns the handle.
    pub(crate) fn fit(&mut self, spec: &ModelSpec, series: u32) -> u32 {
        let model = self.put(&model_record(spec).0);
        self.ok("dxcast_fit", (model, series)) as u32
    }

    /// Frees everything allocated in the arena.
    pub(crate) fn reset(&mut self) {
        self.next = self.arena;
    }

    /// `len` bytes of the arena, aligned to 8.
    pub(crate) fn alloc(&mut self, len: usize) -> u32 {
        let at = self.next.next_multiple_of(8);
        let end = at + u32::try_from(len).unwrap();
        assert!(end <= self.arena + self.arena_len, "arena full");
        self.next = end;
        self.write(at, &vec![0; len]);
        at
    }

    pub(crate) fn write(&mut self, addr: u32, bytes: &[u8]) {
        self.memory
            .write(&mut self.store, addr as usize, bytes)
            .expect("inside memory");
    }

    pub(crate) fn bytes(&self, addr: u32, len: usize) -> Vec<u8> {
        let mut out = vec![0; len];
        self.memory
            .read(&self.store, addr as usize, &mut out)
            .expect("inside memory");
        out
    }

    pub(crate) fn put(&mut self, bytes: &[u8]) -> u32 {
        let at = self.alloc(bytes.len());
        self.write(at, bytes);
        at
    }

    pub(crate) fn f64s(&mut self, v: &[f64]) -> u32 {
        let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
        self.put(&bytes)
    }

    pub(crate) fn i32s(&mut self, v: &[i32]) -> u32 {
        let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
        self.put(&bytes)
    }

    pub(crate) fn text(&mut self, s: &str) -> (u32, u32) {
        (self.put(s.as_bytes()), s.len() as u32)
    }

    pub(crate) fn view(&self, addr: u32, len: usize) -> View {
        View(self.bytes(addr, len))
    }

    /// The text of `code` in `table` of `dxcast_describe`.
    pub(crate) fn describe(&mut self, table: u32, code: u32) -> String {
        let buf = self.alloc(256);
        let n = self.ok("dxcast_describe", (table, code, buf, 256u32));
        String::from_utf8(self.bytes(buf, n as usize)).unwrap()
    }

    /// Writes a `Series` record and its arrays; returns its address.
    pub(crate) fn series(
        &mut self,
        points: &[Point],
        kind: MeasureKind,
        unit: Unit,
        bounds: Bounds,
    ) -> u32 {
        let days: Vec<i32> = points.iter().map(|p| p.date.day_number()).collect();
        let values: Vec<f64> = points.iter().map(|p| p.value).collect();
        let d = self.i32s(&days);
        let v = self.f64s(&values);
        let given = u32::from(bounds.min.is_some()) | (2 * u32::from(bounds.max.is_some()));
        let mut r = Rec::new(SERIES_SIZE);
        r.u32(0, d)
            .u32(4, v)
            .u32(8, points.len() as u32)
            .u32(12, kind_code(kind))
            .u32(16, unit_code(unit))
            .u32(20, given)
            .f64(24, bounds.min.unwrap_or(0.0))
            .f64(32, bounds.max.unwrap_or(0.0));
        self.put(&r.0)
    }
}

/// A record being written.
pub(crate) struct Rec(pub(crate) Vec<u8>);

impl Rec {
    pub(crate) fn new(size: usize) -> Rec {
        Rec(vec![0; size])
    }
    pub(crate) fn u32(&mut self, off: usize, v: u32) -> &mut Rec {
        self.0[off..off + 4].copy_from_slice(&v.to_le_bytes());
        self
    }
    pub(crate) fn i32(&mut self, off: usize, v: i32) -> &mut Rec {
        self.0[off..off + 4].copy_from_slice(&v.to_le_bytes());
        self
    }
    pub(crate) fn f64(&mut self, off: usize, v: f64) -> &mut Rec {
        self.0[off..off + 8].copy_from_slice(&v.to_le_bytes());
        self
    }
    pub(crate) fn put(&mut self, off: usize, bytes: &[u8]) -> &mut Rec {
        self.0[off..off + bytes.len()].copy_from_slice(bytes);
        self
    }
}

/// A record being read.
pub(crate) struct View(pub(crate) Vec<u8>);

impl View {
    pub(crate) fn u32(&self, off: usize) -> u32 {
        u32::from_le_bytes(self.0[off..off + 4].try_into().unwrap())
    }
    pub(crate) fn i32(&self, off: usize) -> i32 {
        i32::from_le_bytes(self.0[off..off + 4].try_into().unwrap())
    }
    pub(crate) fn f64(&self, off: usize) -> f64 {
        f64::from_le_bytes(self.0[off..off + 8].try_into().unwrap())
    }
    pub(crate) fn sub(&self, off: usize, len: usize) -> View {
        View(self.0[off..off + len].to_vec())
    }
}

// Record sizes (ABI.md, "Records").
pub(crate) const SERIES_SIZE: usize = 40;
pub(crate) const MODEL_SIZE: usize = 72;
pub(crate) const EXPLANATION_SIZE: usize = 288;
pub(crate) const LSTSQ_SIZE: usize = 224;
pub(crate) const SUMMARY_SIZE: usize = 448;
pub(crate) const FORECAST_SIZE: usize = 80;
pub(crate) const TARGET_SIZE: usize = 16;
pub(crate) const EVIDENCE_SIZE: usize = 32;
pub(crate) const SETTINGS_SIZE: usize = 48;
pub(crate) const SCENARIO_SIZE: usize = 48;
pub(crate) const ANALYSIS_SIZE: usize = 288;
pub(crate) const CHOICE_SIZE: usize = 856;
pub(crate) const RANKED_SIZE: usize = 88;
pub(crate) const FIGURE_SIZE: usize = 40;
pub(crate) const CLAIM_SIZE: usize = 344;
pub(crate) const CHECK_SIZE: usize = 352;
pub(crate) const PERIOD_SIZE: usize = 16;
pub(crate) const FLOW_SIZE: usize = 48;
pub(crate) const OBSERVATION_SIZE: usize = 40;
pub(crate) const EVALUATION_SIZE: usize = 24;
pub(crate) const STATED_SIZE: usize = 24;
pub(crate) const MEASURED_SIZE: usize = 56;
pub(crate) const QUANTITY_POINT_SIZE: usize = 80;
pub(crate) const CONFLICT_SIZE: usize = 8;
pub(crate) const MEASURES_SIZE: usize = 16;
pub(crate) const IMPLAUSIBLE_SIZE: usize = 32;
pub(crate) const FOUND_SIZE: usize = 96;

// Error codes (ABI.md, "Errors").
pub(crate) const E_NOT_FINITE: i32 = -1;
pub(crate) const E_EMPTY: i32 = -2;
pub(crate) const E_TOO_FEW_POINTS: i32 = -3;
pub(crate) const E_UNSORTED: i32 = -4;
pub(crate) const E_DUPLICATE_DATE: i32 = -5;
pub(crate) const E_NON_POSITIVE: i32 = -6;
pub(crate) const E_OUT_OF_BOUNDS: i32 = -7;
pub(crate) const E_CAPACITY: i32 = -8;
pub(crate) const E_SINGULAR: i32 = -9;
pub(crate) const E_INVALID_DATE: i32 = -10;
pub(crate) const E_INVALID_ARGUMENT: i32 = -11;
pub(crate) const E_PARSE: i32 = -13;
pub(crate) const E_OVERFLOW: i32 = -14;
pub(crate) const E_BAD_REGION: i32 = -101;
pub(crate) const E_MISALIGNED: i32 = -102;
pub(crate) const E_INVALID_UTF8: i32 = -103;
pub(crate) const E_BUFFER_TOO_SMALL: i32 = -104;
pub(crate) const E_INVALID_CODE: i32 = -105;

/// "No value" in a code field.
pub(crate) const NONE: u32 = u32::MAX;

// Code tables (ABI.md, "Codes").
pub(crate) fn kind_code(k: MeasureKind) -> u32 {
    [
        MeasureKind::Flow,
        MeasureKind::YearToDate,
        MeasureKind::DailyAverage,
        MeasureKind::Cumulative,
        MeasureKind::Stock,
        MeasureKind::Share,
        MeasureKind::Rank,
    ]
    .iter()
    .position(|x| *x == k)
    .unwrap() as u32
}

pub(crate) fn unit_code(u: Unit) -> u32 {
    [
        Unit::Count,
        Unit::Percent,
        Unit::Mbps,
        Unit::Vnd,
        Unit::Usd,
        Unit::Rank,
        Unit::Times,
    ]
    .iter()
    .position(|x| *x == u)
    .unwrap() as u32
}

/// The settings of a Model record, in the order of their `given` bits.
const SETTINGS: [(&str, usize); 8] = [
    ("degree", 8),
    ("cap", 16),
    ("alpha", 24),
    ("beta", 32),
    ("phi", 40),
    ("initial_level", 48),
    ("initial_trend", 56),
    ("step_days", 64),
];

pub(crate) fn method_code(m: Method) -> u32 {
    Method::ALL.iter().position(|x| *x == m).unwrap() as u32
}

/// A Model record for `spec`: the method, the `given` bits and the values.
pub(crate) fn model_record(spec: &ModelSpec) -> Rec {
    let mut r = Rec::new(MODEL_SIZE);
    r.u32(0, method_code(spec.method));
    let mut given = 0;
    for (key, value) in spec.settings() {
        let k = SETTINGS.iter().position(|(name, _)| *name == key).unwrap();
        given |= 1 << k;
        r.f64(SETTINGS[k].1, value);
    }
    r.u32(4, given);
    r
}

/// A Model record with raw settings: `(bit, value)` pairs, for bad input.
pub(crate) fn raw_model(method: u32, settings: &[(usize, f64)]) -> Rec {
    let mut r = Rec::new(MODEL_SIZE);
    r.u32(0, method);
    let mut given = 0;
    for (k, v) in settings {
        given |= 1 << k;
        r.f64(SETTINGS[*k].1, *v);
    }
    r.u32(4, given);
    r
}

/// The setting bits of a Model record.
pub(crate) const DEGREE: usize = 0;
pub(crate) const CAP: usize = 1;
pub(crate) const ALPHA: usize = 2;
pub(crate) const BETA: usize = 3;
pub(crate) const PHI: usize = 4;

/// The `ModelSpec` a Model record holds.
pub(crate) fn read_spec(v: &View) -> ModelSpec {
    let mut spec = ModelSpec::new(Method::ALL[v.u32(0) as usize]);
    let given = v.u32(4);
    assert_eq!(given >> 8, 0, "undefined bits in given");
    for (k, (key, off)) in SETTINGS.iter().enumerate() {
        if given & (1 << k) != 0 {
            spec.set(key, v.f64(*off)).unwrap();
        } else {
            assert_eq!(v.f64(*off), 0.0, "a setting not given is 0");
        }
    }
    spec
}

/// A `Target` record.
pub(crate) fn target_record(t: &dxcast_core::Target) -> Rec {
    let comparison = dxcast_core::Comparison::ALL
        .iter()
        .position(|c| *c == t.comparison)
        .unwrap() as u32;
    let mut r = Rec::new(TARGET_SIZE);
    r.f64(0, t.value)
        .i32(8, t.deadline.day_number())
        .u32(12, comparison);
    r
}

/// A `Settings` record.
pub(crate) fn settings_record(s: &dxcast_core::Settings) -> Rec {
    let mut r = Rec::new(SETTINGS_SIZE);
    r.i32(0, s.today.day_number())
        .f64(8, s.level)
        .put(16, &evidence_record(&s.evidence).0);
    r
}

/// An `Evidence` record: 1 after, 2 before.
pub(crate) fn evidence_record(e: &dxcast_core::Evidence) -> Rec {
    let mut r = Rec::new(EVIDENCE_SIZE);
    let mut given = 0;
    if let Some(p) = e.after {
        given |= 1;
        r.i32(4, p.date.day_number()).f64(8, p.value);
    }
    if let Some(p) = e.before {
        given |= 2;
        r.i32(16, p.date.day_number()).f64(24, p.value);
    }
    r.u32(0, given);
    r
}

/// The value at `off` when bit `bit` of the flags at `known` is set.
pub(crate) fn known(v: &View, known: usize, bit: u32, off: usize) -> Option<f64> {
    let x = v.f64(off);
    assert!(x.is_finite(), "a number at {off} is not finite");
    if v.u32(known) & (1 << bit) != 0 {
        Some(x)
    } else {
        assert_eq!(x, 0.0, "an unknown number at {off} is not 0");
        None
    }
}

/// Two numbers that are the same: equal, or both NaN. The module runs the
/// core's own code with the same `libm`, and IEEE arithmetic is the same on
/// wasm32 and natively, so the results agree to the last bit; the tests ask
/// for exactly that.
pub(crate) fn close(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

#[track_caller]
pub(crate) fn assert_close(a: f64, b: f64, what: &str) {
    assert!(close(a, b), "{what}: ABI {a:e}, native {b:e}");
}

/// Checks an `Explanation` record against the native explanation: the
/// formula's expression and each symbol's code, read back through
/// `dxcast_describe`, then the numbers and the flags.
#[track_caller]
pub(crate) fn assert_explanation(host: &mut Host, v: &View, native: &Explanation, what: &str) {
    let formula = v.u32(0);
    assert_eq!(
        host.describe(0, formula),
        native.formula.expression(),
        "{what}: formula"
    );
    let result = if v.u32(8) == 1 { Some(v.f64(24)) } else { None };
    assert_eq!(result, native.result, "{what}: result");
    assert!(v.f64(24).is_finite());
    match native.unknown {
        None => assert_eq!(v.u32(16), NONE, "{what}: unknown"),
        Some(u) => assert_eq!(host.describe(12, v.u32(16)), u.code(), "{what}: unknown"),
    }
    let n = v.u32(4) as usize;
    assert_eq!(n, native.terms.len(), "{what}: number of terms");
    for (k, t) in native.terms.iter().enumerate() {
        let off = 32 + 16 * k;
        assert_eq!(
            host.describe(1, v.u32(off)),
            t.symbol.code(),
            "{what}: term {k}"
        );
        let unit = v.u32(off + 4);
        match t.unit {
            None => assert_eq!(unit, NONE, "{what}: term {k} unit"),
            Some(u) => assert_eq!(unit, unit_code(u), "{what}: term {k} unit"),
        }
        assert_eq!(
            known(v, 12, k as u32, off + 8),
            t.value,
            "{what}: term {k} ({})",
            t.symbol.code()
        );
    }
}

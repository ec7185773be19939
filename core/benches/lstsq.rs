//! Least squares against a bare pass over the same data, in one process.
//!
//! For `n` rows of `x` uniform in [0, 10] and `y = 3 + 2x + noise`, the bare
//! pass sums `x`, `y`, `xy` and `xx` (what the normal equations of a line
//! need); the fits read the same slices through [`LeastSquares::fit_with`]:
//! a line (`1, x`), a cubic (`1, u, u², u³`, `u = x/5 − 1`, on data from a
//! cubic; see [`data`]), and a line through points so close to it that the estimated
//! error of the `f64` pass calls for the double-double one. Rounds interleave the four; each figure
//! is the fastest round (15, or `--rounds N`), in nanoseconds per row, with
//! its ratio to the bare pass.
//!
//! `cargo bench -p dxcast-core --bench lstsq` prints the table (the bench
//! profile is the workspace's release profile, `opt-level = "z"`; set
//! `CARGO_PROFILE_BENCH_OPT_LEVEL=3` for a speed-optimised build). With
//! `-- --save FILE` it also writes the figures to `FILE`; a run with
//! `--compare FILE` prints its figures over those, as the wasm32 run does
//! against the native one:
//!
//! ```text
//! cargo bench -p dxcast-core --bench lstsq -- --save target/lstsq-native.txt
//! cargo bench -p dxcast-core --bench lstsq --target wasm32-wasip1 --no-run
//! node core/benches/wasi.mjs target/wasm32-wasip1/release/deps/lstsq-*.wasm \
//!     --compare target/lstsq-native.txt
//! ```

use std::hint::black_box;
use std::time::Instant;

use dxcast_core::lstsq::LeastSquares;

/// The data: `x` in [0, 10], a line `3 + 2x` plus noise of standard
/// deviation `noise`, and a cubic `5 + 2u − u² + u³/2`, `u = x/5 − 1`, plus
/// a tenth of that (a fixed pseudo-random sequence). With noise 1 on the
/// cubic too, its estimated error at 10⁶ rows (1.1 · 10⁻¹²) would call for
/// the double-double pass.
fn data(n: usize, noise: f64) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut uniform = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let x: Vec<f64> = (0..n).map(|_| 10.0 * uniform()).collect();
    // The sum of 12 uniforms less 6: mean 0, variance 1.
    let mut e = || noise * ((0..12).map(|_| uniform()).sum::<f64>() - 6.0);
    let line = x.iter().map(|x| 3.0 + 2.0 * x + e()).collect();
    let cubic = x
        .iter()
        .map(|x| {
            let u = x / 5.0 - 1.0;
            5.0 + 2.0 * u - u * u + 0.5 * u * u * u + 0.1 * e()
        })
        .collect();
    (x, line, cubic)
}

fn bare(x: &[f64], y: &[f64]) -> [f64; 4] {
    let (mut sx, mut sy, mut sxy, mut sxx) = (0.0, 0.0, 0.0, 0.0);
    for (x, y) in x.iter().zip(y) {
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
    }
    [sx, sy, sxy, sxx]
}

fn line(x: &[f64], y: &[f64]) -> LeastSquares {
    LeastSquares::fit_with(y.len(), 2, true, |i, row| {
        if let [one, t] = row {
            *one = 1.0;
            *t = x.get(i).copied().unwrap_or(0.0);
        }
        y.get(i).copied().unwrap_or(0.0)
    })
    .expect("a line")
}

fn cubic(x: &[f64], y: &[f64]) -> LeastSquares {
    LeastSquares::fit_with(y.len(), 4, true, |i, row| {
        let u = x.get(i).copied().unwrap_or(0.0) / 5.0 - 1.0;
        if let [one, u1, u2, u3] = row {
            *one = 1.0;
            *u1 = u;
            *u2 = u * u;
            *u3 = u * u * u;
        }
        y.get(i).copied().unwrap_or(0.0)
    })
    .expect("a cubic")
}

/// The fastest of `rounds` rounds of `reps` calls of `f`, in seconds per call.
struct Timer {
    best: [f64; 4],
}

impl Timer {
    fn time<T>(&mut self, k: usize, reps: usize, mut f: impl FnMut() -> T) {
        let start = Instant::now();
        for _ in 0..reps {
            black_box(f());
        }
        let t = start.elapsed().as_secs_f64() / reps as f64;
        self.best[k] = self.best[k].min(t);
    }
}

const CASES: [&str; 4] = ["bare", "line", "cubic", "line, exact pass"];

/// ns per row for each case at `n` rows, the fastest of `rounds`.
fn measure(n: usize, rounds: usize) -> [f64; 4] {
    let (x, y, yc) = data(n, 1.0);
    let (xe, ye, _) = data(n, 1e-9);
    // About 2·10⁶ rows per round and case.
    let reps = (2_000_000 / n).max(1);
    let mut timer = Timer {
        best: [f64::INFINITY; 4],
    };
    for _ in 0..rounds {
        timer.time(0, reps, || bare(black_box(&x), black_box(&y)));
        timer.time(1, reps, || line(black_box(&x), black_box(&y)));
        timer.time(2, reps, || cubic(black_box(&x), black_box(&yc)));
        timer.time(3, reps.div_ceil(10), || {
            line(black_box(&xe), black_box(&ye))
        });
    }
    timer.best.map(|t| t * 1e9 / n as f64)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (save, compare) = (value("--save"), value("--compare"));
    let rounds = value("--rounds").and_then(|r| r.parse().ok()).unwrap_or(15);
    let reference: Vec<Vec<f64>> = compare
        .as_ref()
        .and_then(|path| std::fs::read_to_string(path).ok())
        .map(|text| {
            text.lines()
                .map(|l| {
                    l.split_whitespace()
                        .filter_map(|w| w.parse().ok())
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();

    let target = if cfg!(target_arch = "wasm32") {
        "wasm32"
    } else {
        "native"
    };
    println!("least squares against a bare pass (Σx, Σy, Σxy, Σxx), {target}: ns per row, fastest of {rounds} interleaved rounds");
    print!("{:>9}", "rows");
    for c in CASES {
        print!("  {c:>22}");
    }
    println!();
    let mut saved = String::new();
    for (k, n) in [1_000_000, 256, 144].into_iter().enumerate() {
        let t = measure(n, rounds);
        print!("{n:>9}");
        for (i, v) in t.iter().enumerate() {
            let cell = if i == 0 {
                format!("{v:.2}")
            } else {
                format!("{v:.2} ({:.1}× bare)", v / t[0])
            };
            print!("  {cell:>22}");
        }
        println!();
        if let Some(r) = reference.get(k) {
            print!(
                "{:>9}",
                format!("/{}", r.first().copied().unwrap_or(0.0) as usize)
            );
            for (v, r) in t.iter().zip(r.iter().skip(1)) {
                print!("  {:>22}", format!("{:.2}× the reference", v / r));
            }
            println!();
        }
        saved.push_str(&format!("{n} {} {} {} {}\n", t[0], t[1], t[2], t[3]));
    }
    if let Some(path) = save {
        if let Err(e) = std::fs::write(&path, saved) {
            eprintln!("cannot write {path}: {e}");
        }
    }
}

//! NIST StRD linear least-squares datasets, parsed from the files as NIST
//! publishes them, scored by log relative error (LRE): the number of correct
//! significant digits of each coefficient, each coefficient's standard
//! deviation and the residual standard deviation.
//!
//! Run `cargo test -p dxcast-core --test nist -- --nocapture` to see the table.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use dxcast_core::lstsq::LeastSquares;

/// How a dataset's design is built from its predictor columns.
#[derive(Clone, Copy)]
enum Model {
    /// `1, x, x², …, x^degree`.
    Polynomial(usize),
    /// `x` alone, through the origin.
    NoIntercept,
    /// `1, x1, …, xk` for all k predictor columns.
    Multiple,
}

struct Dataset {
    name: &'static str,
    text: &'static str,
    model: Model,
    /// Required LRE (digits) for every certified value.
    required: f64,
}

const DATASETS: [Dataset; 11] = [
    Dataset {
        name: "Norris",
        text: include_str!("data/nist/Norris.dat"),
        model: Model::Polynomial(1),
        required: 12.0,
    },
    Dataset {
        name: "Pontius",
        text: include_str!("data/nist/Pontius.dat"),
        model: Model::Polynomial(2),
        required: 12.0,
    },
    Dataset {
        name: "NoInt1",
        text: include_str!("data/nist/NoInt1.dat"),
        model: Model::NoIntercept,
        required: 12.0,
    },
    Dataset {
        name: "NoInt2",
        text: include_str!("data/nist/NoInt2.dat"),
        model: Model::NoIntercept,
        required: 12.0,
    },
    Dataset {
        name: "Filip",
        text: include_str!("data/nist/Filip.dat"),
        model: Model::Polynomial(10),
        required: 7.0,
    },
    Dataset {
        name: "Longley",
        text: include_str!("data/nist/Longley.dat"),
        model: Model::Multiple,
        required: 12.0,
    },
    Dataset {
        name: "Wampler1",
        text: include_str!("data/nist/Wampler1.dat"),
        model: Model::Polynomial(5),
        required: 9.0,
    },
    Dataset {
        name: "Wampler2",
        text: include_str!("data/nist/Wampler2.dat"),
        model: Model::Polynomial(5),
        required: 9.0,
    },
    Dataset {
        name: "Wampler3",
        text: include_str!("data/nist/Wampler3.dat"),
        model: Model::Polynomial(5),
        required: 9.0,
    },
    Dataset {
        name: "Wampler4",
        text: include_str!("data/nist/Wampler4.dat"),
        model: Model::Polynomial(5),
        required: 9.0,
    },
    Dataset {
        name: "Wampler5",
        text: include_str!("data/nist/Wampler5.dat"),
        model: Model::Polynomial(5),
        required: 9.0,
    },
];

/// What a `.dat` file certifies, and its data.
struct Certified {
    estimates: Vec<f64>,
    sds: Vec<f64>,
    residual_sd: f64,
    r_squared: f64,
    /// Rows of `y, x1, x2, …`.
    rows: Vec<Vec<f64>>,
}

fn numbers(line: &str) -> Vec<f64> {
    line.split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok())
        .collect()
}

fn parse(text: &str) -> Certified {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    // "Data              (lines 61 to 76)" gives the one-based data lines.
    let spec = lines
        .iter()
        .find(|l| l.trim_start().starts_with("Data") && l.contains("(lines"))
        .expect("data line range");
    let range = numbers(&spec.replace(['(', ')'], " "));
    let (first, last) = (range[0] as usize, range[1] as usize);
    let mut estimates = Vec::new();
    let mut sds = Vec::new();
    let mut residual_sd = f64::NAN;
    let mut r_squared = f64::NAN;
    for l in &lines[..first - 1] {
        let t = l.trim_start();
        let is_param =
            t.starts_with('B') && t[1..].chars().next().is_some_and(|c| c.is_ascii_digit());
        if is_param {
            let v = numbers(t);
            estimates.push(v[0]);
            sds.push(v[1]);
        } else if let (true, [v]) = (t.starts_with("Standard Deviation"), numbers(t).as_slice()) {
            // The header "Standard Deviation / of Estimate" carries no number.
            residual_sd = *v;
        } else if t.starts_with("R-Squared") {
            r_squared = numbers(t)[0];
        }
    }
    // The file's own line range includes the column header line.
    let rows = lines[first - 1..last]
        .iter()
        .map(|l| numbers(l))
        .filter(|v| !v.is_empty())
        .collect();
    Certified {
        estimates,
        sds,
        residual_sd,
        r_squared,
        rows,
    }
}

/// NIST's log relative error, capped at 15 digits.
fn lre(estimate: f64, certified: f64) -> f64 {
    let e = if certified == 0.0 {
        estimate.abs()
    } else {
        (estimate - certified).abs() / certified.abs()
    };
    if e == 0.0 {
        15.0
    } else {
        (-e.log10()).min(15.0)
    }
}

fn design(model: Model, rows: &[Vec<f64>]) -> (Vec<f64>, usize, bool) {
    let mut x = Vec::new();
    let cols = match model {
        Model::Polynomial(d) => d + 1,
        Model::NoIntercept => 1,
        Model::Multiple => rows[0].len(),
    };
    for r in rows {
        match model {
            Model::Polynomial(d) => {
                for k in 0..=d {
                    x.push(r[1].powi(k as i32));
                }
            }
            Model::NoIntercept => x.push(r[1]),
            Model::Multiple => {
                x.push(1.0);
                x.extend_from_slice(&r[1..]);
            }
        }
    }
    (x, cols, !matches!(model, Model::NoIntercept))
}

struct Score {
    coef: f64,
    sd: f64,
    resid: f64,
    r2: f64,
}

/// The scores of a fit of the dataset's rows, each repeated `k` times
/// (`k = 1`: the dataset itself). Repeating rows keeps the coefficients and
/// R², multiplies RSS by `k` and divides `XᵀX`'s inverse by `k`, so that the
/// certified values still apply: the residual SD becomes `σ √(k(n − p) /
/// (kn − p))` and the coefficients' SDs `SD √((n − p) / (kn − p))`.
fn score(d: &Dataset, k: usize) -> Score {
    let c = parse(d.text);
    let (x, cols, intercept) = design(d.model, &c.rows);
    assert_eq!(cols, c.estimates.len(), "{}: parameter count", d.name);
    let y: Vec<f64> = c.rows.iter().map(|r| r[0]).collect();
    let n = y.len();
    let fit = if k == 1 {
        LeastSquares::fit(&x, cols, &y, intercept)
    } else {
        LeastSquares::fit_with(k * n, cols, intercept, |i, row| {
            let i = i % n;
            row.copy_from_slice(&x[i * cols..(i + 1) * cols]);
            y[i]
        })
    }
    .expect(d.name);
    assert_eq!(fit.rows(), k * n);
    let (n, p, k) = (n as f64, cols as f64, k as f64);
    let sd_factor = ((n - p) / (k * n - p)).sqrt();
    let resid_sd = c.residual_sd * (k * (n - p) / (k * n - p)).sqrt();
    let min = |v: &mut dyn Iterator<Item = f64>| v.fold(f64::INFINITY, f64::min);
    Score {
        coef: min(&mut fit
            .coefficients()
            .iter()
            .zip(&c.estimates)
            .map(|(a, b)| lre(*a, *b))),
        sd: min(&mut fit
            .standard_errors()
            .unwrap()
            .iter()
            .zip(&c.sds)
            .map(|(a, b)| lre(*a, *b * sd_factor))),
        resid: lre(fit.residual_sd().unwrap(), resid_sd),
        r2: lre(fit.r_squared(), c.r_squared),
    }
}

/// Prints the table of scores for the rows repeated `k` times; returns the
/// failures against the required digits.
fn table(k: usize) -> Vec<String> {
    let mut failures = Vec::new();
    println!(
        "{:<10} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "dataset", "coef", "coef sd", "resid sd", "R²", "required"
    );
    for d in &DATASETS {
        let s = score(d, k);
        println!(
            "{:<10} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>9.0}",
            d.name, s.coef, s.sd, s.resid, s.r2, d.required
        );
        for (what, v) in [
            ("coefficients", s.coef),
            ("standard deviations", s.sd),
            ("residual SD", s.resid),
        ] {
            if v < d.required {
                failures.push(format!(
                    "{} ×{k}: {what} LRE {v:.1} < {}",
                    d.name, d.required
                ));
            }
        }
    }
    failures
}

#[test]
fn nist_strd_linear_regression_lre() {
    println!("\nNIST StRD linear least squares: minimum LRE (correct digits)");
    let failures = table(1);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn nist_rows_repeated_keep_the_certified_values() {
    // 500 copies: 1 500 to 41 000 rows, many chunks and blocks.
    let k = 500;
    println!("\nNIST StRD, every row repeated {k} times: minimum LRE");
    let failures = table(k);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn scaled_designs_keep_the_certified_values() {
    // Longley with column j multiplied by 2^s_j and y by 2^t: exactly, so
    // that coefficient j and its SD become 2^(t − s_j) times the certified
    // ones, the residual SD 2^t times, and R² stays. Beyond 2^±400 the
    // squares of a plain f64 pass overflow or underflow, so the fit has to
    // rescale before it factors.
    let d = &DATASETS[5];
    assert_eq!(d.name, "Longley");
    let c = parse(d.text);
    let (mut x, cols, _) = design(d.model, &c.rows);
    let s = [-500, 700, 0, -600, 0, 400, 0];
    let t = -300;
    for row in x.chunks_mut(cols) {
        for (v, e) in row.iter_mut().zip(s) {
            *v *= 2f64.powi(e);
        }
    }
    let y: Vec<f64> = c.rows.iter().map(|r| r[0] * 2f64.powi(t)).collect();
    let fit = LeastSquares::fit(&x, cols, &y, true).expect("scaled Longley");
    for (j, e) in s.iter().enumerate() {
        let f = 2f64.powi(t - e);
        let (b, sd) = (fit.coefficients()[j], fit.standard_errors().unwrap()[j]);
        assert!(lre(b, c.estimates[j] * f) >= d.required, "B{j}: {b:e}");
        assert!(lre(sd, c.sds[j] * f) >= d.required, "SD of B{j}: {sd:e}");
    }
    let resid = c.residual_sd * 2f64.powi(t);
    assert!(lre(fit.residual_sd().unwrap(), resid) >= d.required);
    assert!(lre(fit.r_squared(), c.r_squared) >= d.required);
}

#[test]
fn every_file_parses_to_its_stated_shape() {
    let shapes = [36, 40, 11, 3, 82, 16, 21, 21, 21, 21, 21];
    for (d, n) in DATASETS.iter().zip(shapes) {
        let c = parse(d.text);
        assert_eq!(c.rows.len(), n, "{}", d.name);
        assert!(
            c.residual_sd.is_finite() && c.r_squared.is_finite(),
            "{}",
            d.name
        );
    }
}

//! The forecast variance of Holt's methods and the damped trend's
//! multiplier over real numbers of steps.

/// `D(h)`: the trend's multiplier over `h` steps; `h` without damping,
/// `φ + φ² + … + φʰ = φ (1 − φʰ)/(1 − φ)` (for real `h`) with it.
pub(crate) fn trend_multiplier(phi: f64, h: f64, damped: bool) -> f64 {
    if !damped || phi == 1.0 {
        return h;
    }
    let ln_phi = libm::log(phi);
    phi * libm::expm1(h * ln_phi) / libm::expm1(ln_phi)
}

/// Above this many steps the damped variance factor uses its closed form
/// instead of the sum.
const SUM_STEPS: f64 = 4096.0;

/// The forecast variance `h` steps ahead over the one-step variance σ², for
/// ETS(A,A,N) (`phi = None`) or ETS(A,Ad,N), with Holt's α and β (the
/// state-space trend weight is β' = α β). Values of `h` below 1 count as 1.
///
/// Both are `1 + Σ_{j=1}^{h−1} c_j²` at whole `h`, with `c_j = α + j β'`
/// undamped and `c_j = α + β' (φ + … + φʲ)` damped. The undamped sum has a
/// polynomial closed form, evaluated at real `h`. The damped closed form
/// (see [`Holt`](super::Holt)) divides by `(1 − φ)²`, and its terms cancel to the point of
/// losing all digits as φ nears 1; so up to 4096 steps the damped factor is
/// summed exactly at whole steps and interpolated linearly in between (the
/// `j`-th term spread over the step from `j` to `j + 1`), and beyond that the
/// closed form is used, or the undamped one when `1 − φ < 1e-8`.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::variance_factor;
///
/// assert_eq!(variance_factor(0.5, 0.2, None, 1.0), 1.0);
/// // h = 2: 1 + α² + α β' 2 + β'² (2 · 3)/6 with β' = 0.1.
/// let v = variance_factor(0.5, 0.2, None, 2.0);
/// assert!((v - (1.0 + 0.25 + 0.1 + 0.01)).abs() < 1e-15);
/// // Damped, h = 2: 1 + (α + β' φ)².
/// let v = variance_factor(0.5, 0.2, Some(0.9), 2.0);
/// assert!((v - (1.0 + 0.59 * 0.59)).abs() < 1e-15);
/// ```
#[must_use]
pub fn variance_factor(alpha: f64, beta: f64, phi: Option<f64>, h: f64) -> f64 {
    let h = h.max(1.0);
    let b = alpha * beta;
    let undamped = |h: f64| {
        1.0 + (h - 1.0) * (alpha * alpha + alpha * b * h + b * b * h * (2.0 * h - 1.0) / 6.0)
    };
    let Some(phi) = phi.filter(|p| *p < 1.0 - 1e-8) else {
        return undamped(h);
    };
    if h <= SUM_STEPS {
        // v(k) for whole k ≤ h, then a fraction of the next term.
        let whole = libm::floor(h);
        let frac = h - whole;
        let mut sum = 1.0;
        let mut power = 1.0;
        let mut s = 0.0;
        let mut j = 1.0;
        while j < whole {
            power *= phi;
            s += power;
            let c = alpha + b * s;
            sum += c * c;
            j += 1.0;
        }
        let c = alpha + b * (s + power * phi);
        return sum + frac * c * c;
    }
    let phi_h = libm::pow(phi, h);
    let one = 1.0 - phi;
    let two = 1.0 - phi * phi;
    1.0 + alpha * alpha * (h - 1.0) + b * phi * h * (2.0 * alpha * one + b * phi) / (one * one)
        - b * phi * (1.0 - phi_h) * (2.0 * alpha * two + b * phi * (1.0 + 2.0 * phi - phi_h))
            / (one * one * two)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn variance_factor_is_the_sum_of_squared_weights() {
        // v_h = 1 + Σ_{j=1}^{h−1} c_j², c_j = α + β' (φ + … + φʲ).
        for &(alpha, beta, phi) in &[(0.5, 0.2, 0.9), (0.8, 0.6, 0.85), (0.3, 0.05, 0.98)] {
            let bb = alpha * beta;
            for h in 1..30 {
                let mut sum = 1.0;
                let mut s = 0.0;
                for j in 1..h {
                    s += f64::powi(phi, j);
                    let c = alpha + bb * s;
                    sum += c * c;
                }
                let v = variance_factor(alpha, beta, Some(phi), f64::from(h));
                assert!((v - sum).abs() < 1e-11 * sum, "{h}: {v} vs {sum}");
                // Undamped.
                let mut sum = 1.0;
                for j in 1..h {
                    let c = alpha + bb * f64::from(j);
                    sum += c * c;
                }
                let v = variance_factor(alpha, beta, None, f64::from(h));
                assert!((v - sum).abs() < 1e-12 * sum);
            }
        }
    }

    #[test]
    fn damped_variance_factor_is_continuous_at_the_switch() {
        for &(alpha, beta, phi) in &[(0.5, 0.2, 0.9), (0.3, 0.6, 0.98), (0.9, 0.9, 0.8)] {
            let below = variance_factor(alpha, beta, Some(phi), SUM_STEPS);
            let above = variance_factor(alpha, beta, Some(phi), SUM_STEPS + 1e-9);
            assert!((below - above).abs() < 1e-10 * below, "{below} {above}");
        }
        // Near φ = 1 the sum stays accurate where the closed form would not.
        let near = variance_factor(0.5, 0.5, Some(1.0 - 1e-7), 3.0);
        let c1 = 0.5 + 0.25 * (1.0 - 1e-7);
        let c2 = 0.5 + 0.25 * ((1.0 - 1e-7) + (1.0 - 1e-7f64).powi(2));
        assert!((near - (1.0 + c1 * c1 + c2 * c2)).abs() < 1e-15);
    }

    #[test]
    fn trend_multiplier_limits() {
        assert_eq!(trend_multiplier(0.9, 3.0, false), 3.0);
        let d = trend_multiplier(0.9, 3.0, true);
        assert!((d - (0.9 + 0.81 + 0.729)).abs() < 1e-15);
        assert!((trend_multiplier(1.0 - 1e-12, 5.0, true) - 5.0).abs() < 1e-9);
    }
}

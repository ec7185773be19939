//! Works out the built-in data's standings ahead of time: every indicator's
//! standing on every day of [`scheduled_span`], as the days it changes
//! ([`write_schedules`]). The dashboard reads them (`OUT_DIR/standings.txt`)
//! instead of projecting, so the projection code is loaded only once the
//! user's own figures, or a day outside the span, call for it.

use std::path::PathBuf;
use std::{env, fs};

use dxcast_app::dashboard::{scheduled_span, write_schedules};
use dxcast_app::dataset::Dataset;

fn main() -> Result<(), String> {
    println!("cargo::rerun-if-changed=build.rs");
    let data = Dataset::builtin().map_err(|e| format!("the built-in data does not read: {e:?}"))?;
    let (from, until) = scheduled_span();
    let out =
        PathBuf::from(env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("standings.txt");
    fs::write(&out, write_schedules(&data, from, until))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}

//! The dxcast app's model: everything the app knows and does, in plain Rust,
//! without a user interface. A front end (the Leptos app in `web/`) renders
//! what this crate computes and hands it what the user types; every number
//! comes from the core (`dxcast-core`).
//!
//! | module | what |
//! |---|---|
//! | [`dataset`] | the built-in data files and the user's rows, read by the core's one import path |
//! | [`timeline`] | figures on a time axis, where the core anchors them |
//! | [`projection`] | an indicator's projection: its quantity's series, method choice, fitted model, paths, what-if and compared scenarios |
//! | [`methods`] | the methods offered for a series, with their accuracy and warnings |
//! | [`analysis`] | target analyses and their explanations (the one place that calls the core's analytics) |
//! | [`measure`] | what a number is (a value in a unit, points, a daily rate, a probability) |
//! | [`dashboard`] | the dashboard's rows and filters |
//! | [`claims`] | the reports' derived figures, checked against the current data |
//! | [`storage`], [`scenarios`] | the stored documents, read back without ever losing text |
//! | [`share`] | a view of an indicator as a link |
//! | [`whatif`] | the what-if fields as typed, and the scenario they make |
//! | [`forms`], [`import`], [`export`] | the user's rows in and out |
//! | [`report`] | a report added by pasting its text: its figures found, suggested, confirmed and checked |
//! | [`route`] | the pages' addresses |
//! | [`lang`] | the interface language |
//!
//! Nothing here knows the browser: the crate is tested natively, and a
//! front end keeps only views, words and browser glue.

#![deny(missing_docs)]

pub mod analysis;
pub mod claims;
pub mod dashboard;
pub mod dataset;
pub mod export;
pub mod forms;
pub mod import;
pub mod lang;
pub mod measure;
pub mod methods;
pub mod projection;
pub mod report;
pub mod route;
pub mod scenarios;
pub mod share;
pub mod storage;
pub mod timeline;
pub mod whatif;

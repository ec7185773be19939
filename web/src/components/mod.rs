//! Pieces of the interface shared by the pages. They render state.

pub mod banners;
pub mod bilingual;
pub mod chart;
pub mod errors;
pub mod explanation;
pub mod header;
pub mod projection;
pub mod sparkline;
pub mod status;
pub mod whatif;

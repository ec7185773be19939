//! Routes live in the URL's fragment (`#/claims`), so the app works from any
//! folder of any static server: the path never changes, and relative asset
//! URLs keep resolving.

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/`: every indicator by pillar.
    Dashboard,
    /// `#/i/<id>` or `#/i/<id>?<query>`: one indicator, with the view a
    /// shared link gives (the query as written; [`crate::share::parse`]
    /// reads it).
    Indicator(String, String),
    /// `#/claims`: the derived figures checked.
    Claims,
    /// `#/data`, `#/data/o/<id>`, `#/data/i/<id>`, `#/data/new/<indicator>`:
    /// the user's data, with a row (or a new figure) opened in its form.
    Data(Option<EditTarget>),
    /// `#/report`: add a report by pasting its text.
    Report,
    /// Anything else (the fragment as given).
    NotFound(String),
}

/// A row to open for editing on the data page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A new figure of an indicator, by the indicator's id.
    NewObservation(String),
    /// An observation, by id.
    Observation(String),
    /// An indicator, by id.
    Indicator(String),
}

/// Whether `id` is an identifier as the data files allow it.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

impl Route {
    /// The route of a location fragment such as `#/i/ndxp_tx` (with or
    /// without the `#`). A query after `?` is kept, undecoded, for an
    /// indicator's view and ignored elsewhere.
    #[must_use]
    pub fn parse(hash: &str) -> Route {
        let raw = hash.strip_prefix('#').unwrap_or(hash);
        let (raw_path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let decoded = crate::share::percent_decode(raw_path);
        let path = decoded.trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Dashboard,
            ["i", id] if is_id(id) => Route::Indicator((*id).to_string(), query.to_string()),
            ["claims"] => Route::Claims,
            ["report"] => Route::Report,
            ["data"] => Route::Data(None),
            ["data", "o", id] if is_id(id) => {
                Route::Data(Some(EditTarget::Observation((*id).to_string())))
            }
            ["data", "new", id] if is_id(id) => {
                Route::Data(Some(EditTarget::NewObservation((*id).to_string())))
            }
            ["data", "i", id] if is_id(id) => {
                Route::Data(Some(EditTarget::Indicator((*id).to_string())))
            }
            _ => Route::NotFound(crate::share::percent_decode(raw)),
        }
    }

    /// The fragment that leads to the route, `#` included.
    #[must_use]
    pub fn href(&self) -> String {
        match self {
            Route::Dashboard => "#/".to_string(),
            Route::Indicator(id, q) if q.is_empty() => format!("#/i/{id}"),
            Route::Indicator(id, q) => format!("#/i/{id}?{q}"),
            Route::Claims => "#/claims".to_string(),
            Route::Report => "#/report".to_string(),
            Route::Data(None) => "#/data".to_string(),
            Route::Data(Some(EditTarget::Observation(id))) => format!("#/data/o/{id}"),
            Route::Data(Some(EditTarget::Indicator(id))) => format!("#/data/i/{id}"),
            Route::Data(Some(EditTarget::NewObservation(id))) => format!("#/data/new/{id}"),
            Route::NotFound(s) => format!("#{s}"),
        }
    }

    /// Which navigation entry the route belongs to.
    #[must_use]
    pub fn section(&self) -> Section {
        match self {
            Route::Dashboard | Route::Indicator(..) => Section::Dashboard,
            Route::Claims => Section::Claims,
            Route::Data(_) => Section::Data,
            Route::Report => Section::Report,
            Route::NotFound(_) => Section::None,
        }
    }
}

/// A navigation entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The dashboard and the indicator pages.
    Dashboard,
    /// The claims page.
    Claims,
    /// The data page.
    Data,
    /// The page that adds a report.
    Report,
    /// No entry.
    None,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_parse_to_routes_and_back() {
        let cases = [
            ("", Route::Dashboard),
            ("#", Route::Dashboard),
            ("#/", Route::Dashboard),
            (
                "#/i/ndxp_tx",
                Route::Indicator("ndxp_tx".into(), String::new()),
            ),
            (
                "#/i/ndxp_tx?m=linear&n=Ch%E1%BA%ADm",
                Route::Indicator("ndxp_tx".into(), "m=linear&n=Ch%E1%BA%ADm".into()),
            ),
            ("#/claims", Route::Claims),
            ("#/claims?x=1", Route::Claims),
            ("#/report", Route::Report),
            ("#/data", Route::Data(None)),
            (
                "#/data/o/r001-ndxp-2022",
                Route::Data(Some(EditTarget::Observation("r001-ndxp-2022".into()))),
            ),
            (
                "#/data/new/cdt_teams",
                Route::Data(Some(EditTarget::NewObservation("cdt_teams".into()))),
            ),
            (
                "#/data/i/cdt_teams",
                Route::Data(Some(EditTarget::Indicator("cdt_teams".into()))),
            ),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(
            Route::parse("#/i/ndxp_tx/"),
            Route::Indicator("ndxp_tx".into(), String::new())
        );
        // An escaped '&' or '?' in the query stays escaped for the view's reader.
        assert_eq!(
            Route::parse("#/i/a?n=x%26y%3F"),
            Route::Indicator("a".into(), "n=x%26y%3F".into())
        );
    }

    #[test]
    fn unknown_and_malformed_fragments_are_not_found() {
        assert_eq!(Route::parse("#/nope"), Route::NotFound("/nope".into()));
        assert!(matches!(Route::parse("#/i/a b"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/i/"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#main"), Route::NotFound(_)));
        assert_eq!(
            Route::parse("#/i/cdt%5Fteams"),
            Route::Indicator("cdt_teams".into(), String::new())
        );
        assert_eq!(Route::parse("#/i/ndxp_tx").section(), Section::Dashboard);
        assert_eq!(Route::parse("#/x").section(), Section::None);
    }
}

//! The app's views and their addresses.
//!
//! A view lives in the URL's hash (`#/register`), so reloading or bookmarking any
//! view works on any static host, under a sub-path too, with no server rewrites.
//! Hashes that do not start with `#/` (such as the skip link's `#main`) are not routes.

/// A view of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Register,
    Summary,
    Pack,
    Details,
    Quarters,
    Returns,
}

impl Route {
    /// Every view, in the order the navigation lists them.
    pub const ALL: [Route; 6] = [
        Route::Register,
        Route::Summary,
        Route::Pack,
        Route::Details,
        Route::Quarters,
        Route::Returns,
    ];

    /// The hash that addresses this view with a query (`#/register?status=amber`).
    pub fn hash_with(self, query: &str) -> String {
        if query.is_empty() {
            self.hash().to_owned()
        } else {
            format!("{}?{query}", self.hash())
        }
    }

    /// The hash that addresses this view.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Register => "#/register",
            Route::Summary => "#/summary",
            Route::Pack => "#/pack",
            Route::Details => "#/details",
            Route::Quarters => "#/quarters",
            Route::Returns => "#/returns",
        }
    }

    /// The link text and page title of this view.
    pub fn label(self) -> &'static str {
        match self {
            Route::Register => "Register",
            Route::Summary => "Summary",
            Route::Pack => "Scrutiny pack",
            Route::Details => "Register details",
            Route::Quarters => "Quarters",
            Route::Returns => "Returns",
        }
    }
}

/// What a location hash asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashTarget {
    /// A view (the empty hash is the default view) and the query after its `?`.
    View(Route, String),
    /// A route-shaped hash naming no view; shown as "page not found" on the default view.
    Unknown(String),
    /// Not a route at all (an in-page anchor such as `#main`): the view stays as it is.
    Anchor,
}

/// Reads a location hash such as `#/register?status=amber`.
pub fn parse_hash(hash: &str) -> HashTarget {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() || hash == "/" {
        return HashTarget::View(Route::Register, String::new());
    }
    let Some(path) = hash.strip_prefix('/') else {
        return HashTarget::Anchor;
    };
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    Route::ALL
        .into_iter()
        .find(|route| route.hash().trim_start_matches("#/") == path)
        .map_or_else(
            || HashTarget::Unknown(path.to_owned()),
            |route| HashTarget::View(route, query.to_owned()),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_register_hashes_are_the_register() {
        for hash in ["", "#", "#/", "#/register"] {
            assert_eq!(
                parse_hash(hash),
                HashTarget::View(Route::Register, String::new()),
                "{hash}"
            );
        }
        assert_eq!(
            parse_hash("#/register?status=amber&q=air"),
            HashTarget::View(Route::Register, "status=amber&q=air".into())
        );
        assert_eq!(Route::Register.hash_with("q=air"), "#/register?q=air");
        assert_eq!(Route::Register.hash_with(""), "#/register");
    }

    #[test]
    fn anchors_are_not_routes_and_unknown_views_are_named() {
        assert_eq!(parse_hash("#main"), HashTarget::Anchor);
        assert_eq!(
            parse_hash("#/nowhere"),
            HashTarget::Unknown("nowhere".into())
        );
    }

    #[test]
    fn every_route_parses_from_its_own_hash() {
        for route in Route::ALL {
            assert_eq!(
                parse_hash(route.hash()),
                HashTarget::View(route, String::new())
            );
        }
    }
}

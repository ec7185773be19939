//! Serde for the enums that have codes: each is written as its code
//! (`"ytd"`, `">="`, `"damped_holt"`), the one vocabulary of the data
//! files, the bindings and the stored documents.

/// Implements `Serialize` and `Deserialize` for `$t` through its `code()`
/// and `ALL`.
macro_rules! by_code {
    ($($t:ty),+ $(,)?) => {$(
        #[cfg(feature = "serde")]
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $t;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str(concat!("a code of ", stringify!($t)))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$t, E> {
                        <$t>::ALL
                            .iter()
                            .copied()
                            .find(|x| x.code() == v)
                            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
                    }
                }
                d.deserialize_str(Visitor)
            }
        }
    )+};
}

by_code!(
    crate::indicator::MeasureKind,
    crate::indicator::Unit,
    crate::indicator::Pillar,
    crate::method::Method,
    crate::target::Comparison,
    crate::observation::Status,
    crate::observation::Qualifier,
    crate::claim::ClaimKind,
    crate::claim::Verdict,
    crate::verdict::TargetStatus,
    crate::explain::Formula,
    crate::explain::Symbol,
    crate::explain::Unknown,
);

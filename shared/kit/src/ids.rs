//! Typed ids and closed sets of values, so a `UserId` cannot be passed where a `ChatId` is
//! meant and a status is never a bare string.
//!
//! [`id!`](crate::id) declares a `Uuid` newtype that Diesel reads and writes as `uuid`, that
//! parses only the canonical hyphenated form from a request (anything else is a field
//! violation), and that prints canonically. [`text_enum!`](crate::text_enum) declares an enum
//! stored as `text` under a CHECK constraint, with its one mapping to and from those strings.

use crate::error::FieldViolations;

/// The ids every service shares: users and their sessions live in identity, and every other
/// service refers to them.
mod shared {
    crate::id! {
        /// A user of the suite (owned by identity; a plain `uuid` column elsewhere).
        pub struct UserId("user");
    }
    crate::id! {
        /// A signed-in session (owned by identity).
        pub struct SessionId("session");
    }
    crate::text_enum! {
        /// A user's subscription plan.
        pub enum Tier {
            /// The free plan.
            Free = "free",
            /// The paid plan.
            Pro = "pro",
            /// A team plan.
            Team = "team",
        }
    }
}
pub use shared::{SessionId, Tier, UserId};

/// Parses a request's id: exactly 36 characters, hyphenated, hexadecimal (either case, as
/// RFC 9562 allows on input). Braced, URN, simple and other forms are refused.
pub fn parse_uuid(raw: &str) -> Option<uuid::Uuid> {
    let bytes = raw.as_bytes();
    let shaped = bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    shaped.then(|| uuid::Uuid::try_parse(raw).ok()).flatten()
}

/// The violation recorded for an id that does not parse.
pub fn invalid_id(violations: &mut FieldViolations, field: &str, resource: &str) {
    violations.add(
        field,
        format!("must be a {resource} id: a UUID in the canonical 8-4-4-4-12 hyphenated form"),
    );
}

/// A value that is not one of a closed set's spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not one of: {}", expected.join(", "))]
pub struct UnknownValue {
    /// What was found (at most 64 characters of it).
    pub value: String,
    /// What would have been accepted.
    pub expected: &'static [&'static str],
}

/// Declares a `Uuid` newtype: `id! { /// doc \n pub struct ChatId("chat"); }`, where the
/// string names the resource in error messages.
#[macro_export]
macro_rules! id {
    ($(#[$meta:meta])* $vis:vis struct $name:ident($resource:literal);) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis struct $name($crate::__private::uuid::Uuid);

        impl $name {
            /// What it identifies, for error messages and ResourceInfo.
            pub const RESOURCE: &'static str = $resource;

            /// A fresh, time-ordered (UUIDv7) id.
            pub fn new() -> Self {
                Self($crate::__private::uuid::Uuid::now_v7())
            }

            /// Wraps an existing UUID.
            pub const fn from_uuid(uuid: $crate::__private::uuid::Uuid) -> Self {
                Self(uuid)
            }

            /// The UUID inside.
            pub const fn as_uuid(&self) -> $crate::__private::uuid::Uuid {
                self.0
            }

            /// Parses a request field; anything but the canonical form is a field violation.
            pub fn parse(field: &str, raw: &str) -> Result<Self, $crate::error::FieldViolations> {
                let mut violations = $crate::error::FieldViolations::new();
                match Self::parse_into(&mut violations, field, raw) {
                    Some(id) => Ok(id),
                    None => Err(violations),
                }
            }

            /// Like [`Self::parse`], recording a violation next to others.
            pub fn parse_into(
                violations: &mut $crate::error::FieldViolations,
                field: &str,
                raw: &str,
            ) -> Option<Self> {
                let parsed = $crate::ids::parse_uuid(raw).map(Self);
                if parsed.is_none() {
                    $crate::ids::invalid_id(violations, field, $resource);
                }
                parsed
            }
        }

        impl ::std::default::Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.hyphenated())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ids::UnknownValue;

            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                $crate::ids::parse_uuid(raw).map(Self).ok_or_else(|| $crate::ids::UnknownValue {
                    value: raw.chars().take(64).collect(),
                    expected: &["a canonical hyphenated UUID"],
                })
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <::std::borrow::Cow<'de, str> as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                raw.parse().map_err(<D::Error as $crate::__private::serde::de::Error>::custom)
            }
        }

        $crate::__diesel_sql_value!($name, $crate::__private::diesel::sql_types::Uuid);

        impl $crate::__private::diesel::serialize::ToSql<
            $crate::__private::diesel::sql_types::Uuid,
            $crate::__private::diesel::pg::Pg,
        > for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut $crate::__private::diesel::serialize::Output<'b, '_, $crate::__private::diesel::pg::Pg>,
            ) -> $crate::__private::diesel::serialize::Result {
                $crate::__private::diesel::serialize::ToSql::<
                    $crate::__private::diesel::sql_types::Uuid,
                    $crate::__private::diesel::pg::Pg,
                >::to_sql(&self.0, out)
            }
        }

        impl $crate::__private::diesel::deserialize::FromSql<
            $crate::__private::diesel::sql_types::Uuid,
            $crate::__private::diesel::pg::Pg,
        > for $name {
            fn from_sql(
                bytes: $crate::__private::diesel::pg::PgValue<'_>,
            ) -> $crate::__private::diesel::deserialize::Result<Self> {
                <$crate::__private::uuid::Uuid as $crate::__private::diesel::deserialize::FromSql<
                    $crate::__private::diesel::sql_types::Uuid,
                    $crate::__private::diesel::pg::Pg,
                >>::from_sql(bytes)
                .map(Self)
            }
        }
    };
}

/// Declares an enum stored as `text` under a CHECK constraint:
/// `text_enum! { /// doc \n pub enum Status { /// doc \n Pending = "pending", ... } }`.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stored spelling.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ids::UnknownValue;

            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                match raw {
                    $($text => Ok(Self::$variant),)+
                    _ => Err($crate::ids::UnknownValue {
                        value: raw.chars().take(64).collect(),
                        expected: &[$($text),+],
                    }),
                }
            }
        }

        $crate::__diesel_sql_value!($name, $crate::__private::diesel::sql_types::Text);

        impl $crate::__private::diesel::serialize::ToSql<
            $crate::__private::diesel::sql_types::Text,
            $crate::__private::diesel::pg::Pg,
        > for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut $crate::__private::diesel::serialize::Output<'b, '_, $crate::__private::diesel::pg::Pg>,
            ) -> $crate::__private::diesel::serialize::Result {
                ::std::io::Write::write_all(out, self.as_str().as_bytes())?;
                Ok($crate::__private::diesel::serialize::IsNull::No)
            }
        }

        impl $crate::__private::diesel::deserialize::FromSql<
            $crate::__private::diesel::sql_types::Text,
            $crate::__private::diesel::pg::Pg,
        > for $name {
            fn from_sql(
                bytes: $crate::__private::diesel::pg::PgValue<'_>,
            ) -> $crate::__private::diesel::deserialize::Result<Self> {
                let text = ::std::str::from_utf8(bytes.as_bytes())?;
                Ok(text.parse::<Self>()?)
            }
        }
    };
}

/// The Diesel plumbing every stored single value needs (what `#[derive(AsExpression,
/// FromSqlRow)]` writes), spelled with the kit's paths so callers need no `diesel` import.
#[doc(hidden)]
#[macro_export]
macro_rules! __diesel_sql_value {
    ($name:ident, $sql:ty) => {
        const _: () = {
            use $crate::__private::diesel::expression::AsExpression;
            use $crate::__private::diesel::internal::derives::as_expression::Bound;
            use $crate::__private::diesel::sql_types::Nullable;

            impl AsExpression<$sql> for $name {
                type Expression = Bound<$sql, Self>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            impl AsExpression<Nullable<$sql>> for $name {
                type Expression = Bound<Nullable<$sql>, Self>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            impl<'e> AsExpression<$sql> for &'e $name {
                type Expression = Bound<$sql, Self>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            impl<'e> AsExpression<Nullable<$sql>> for &'e $name {
                type Expression = Bound<Nullable<$sql>, Self>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            impl<'e, 'f> AsExpression<$sql> for &'f &'e $name {
                type Expression = Bound<$sql, Self>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            impl<'e, 'f> AsExpression<Nullable<$sql>> for &'f &'e $name {
                type Expression = Bound<Nullable<$sql>, Self>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            impl
                $crate::__private::diesel::serialize::ToSql<
                    Nullable<$sql>,
                    $crate::__private::diesel::pg::Pg,
                > for $name
            {
                fn to_sql<'b>(
                    &'b self,
                    out: &mut $crate::__private::diesel::serialize::Output<
                        'b,
                        '_,
                        $crate::__private::diesel::pg::Pg,
                    >,
                ) -> $crate::__private::diesel::serialize::Result {
                    $crate::__private::diesel::serialize::ToSql::<
                        $sql,
                        $crate::__private::diesel::pg::Pg,
                    >::to_sql(self, out)
                }
            }
            impl<ST>
                $crate::__private::diesel::deserialize::Queryable<
                    ST,
                    $crate::__private::diesel::pg::Pg,
                > for $name
            where
                ST: $crate::__private::diesel::sql_types::SingleValue,
                Self: $crate::__private::diesel::deserialize::FromSql<
                        ST,
                        $crate::__private::diesel::pg::Pg,
                    >,
            {
                type Row = Self;
                fn build(row: Self) -> $crate::__private::diesel::deserialize::Result<Self> {
                    Ok(row)
                }
            }
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::text_enum! {
        /// For the test.
        enum Colour {
            /// Red.
            Red = "red",
            /// Dark blue.
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn only_the_canonical_uuid_form_parses() {
        let id = UserId::new();
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(UserId::parse("user_id", &text).ok(), Some(id));
        assert_eq!(
            UserId::parse("user_id", &text.to_uppercase()).ok(),
            Some(id),
            "RFC 9562: input is case-insensitive"
        );
        let simple = id.as_uuid().simple().to_string();
        for bad in [
            format!("{{{text}}}"),
            format!("urn:uuid:{text}"),
            simple,
            String::new(),
            format!("{text} "),
            text.replace('-', "_"),
        ] {
            let err = UserId::parse("user_id", &bad).expect_err(&bad);
            assert!(!err.is_empty());
        }
        assert!(format!("{id:?}").starts_with("UserId("));
    }

    #[test]
    fn text_enums_round_trip_their_spellings() {
        for colour in Colour::ALL {
            assert_eq!(colour.as_str().parse::<Colour>(), Ok(*colour));
        }
        assert_eq!(Colour::DarkBlue.to_string(), "dark_blue");
        let err = "Red".parse::<Colour>().expect_err("case matters");
        assert_eq!(err.to_string(), "\"Red\" is not one of: red, dark_blue");
        assert_eq!("team".parse::<Tier>(), Ok(Tier::Team));
    }
}

//! [`Text`]: article text that is owned (as ingestion builds it), borrowed from the embedded
//! corpus blob, or a part of an article's packed text ([`crate::packed`]), unpacked the first
//! time it is read. Start-up copies none of the corpus's text.

use crate::packed::PackedPart;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// A piece of text, read as `&str` (it dereferences to one). Equal when the text is.
#[derive(Clone)]
pub enum Text {
    /// Built at build time.
    Owned(Box<str>),
    /// Borrowed from a blob that lives as long as the program (the embedded one).
    Static(&'static str),
    /// A paragraph or caption of an article packed in the blob.
    Packed(PackedPart),
}

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            Text::Owned(s) => s,
            Text::Static(s) => s,
            Text::Packed(part) => part.as_str(),
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Owned(s.into_boxed_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Owned(s.into())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserialising borrows from input that lives for the whole program (`'de: 'static`): the
/// blob decoder reads the embedded bytes, which do.
impl<'de> Deserialize<'de> for Text
where
    'de: 'static,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Borrowing;
        impl<'de> Visitor<'de> for Borrowing
        where
            'de: 'static,
        {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text, E> {
                Ok(Text::Static(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::from(v))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::from(v))
            }
        }
        deserializer.deserialize_str(Borrowing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_from_static_input_and_compares_by_content() {
        let bytes: &'static [u8] = Box::leak(
            postcard::to_allocvec(&Text::from("Pyongyang"))
                .unwrap()
                .into_boxed_slice(),
        );
        let text: Text = postcard::from_bytes(bytes).unwrap();
        assert!(matches!(text, Text::Static("Pyongyang")));
        assert_eq!(text, Text::from("Pyongyang"));
        assert_eq!(&*text, "Pyongyang");
        assert_eq!(format!("{text:?} {text}"), "\"Pyongyang\" Pyongyang");
    }
}

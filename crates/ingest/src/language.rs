//! The language an article is written in, by its English name ("German"), for the viewer's
//! Language filter: detected from the text with `whatlang` (trigrams, 69 languages, no model
//! files) when the source does not state it, or read from what an export states (`de`, `deu`,
//! `de-AT`, `German`).

use crate::text::Line;
use whatlang::Lang;

/// The most text read to detect a language: enough for a sure answer, and detection stays fast.
const SAMPLE_BYTES: usize = 4_000;

/// The language of an article's headline and text, when the detector is sure of it.
pub fn detect(headline: &str, lines: &[Line]) -> Option<String> {
    let mut sample = String::from(headline);
    for line in lines {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push('\n');
        sample.push_str(&line.text);
    }
    let info = whatlang::detect(&sample)?;
    info.is_reliable()
        .then(|| info.lang().eng_name().to_owned())
}

/// The English name of a language as a source states it: an ISO 639-1 code (`de`), with a
/// region (`de-AT`, `pt_BR`), an ISO 639-3 code (`deu`), or a name (`German`, `german`).
/// `None` for a value that names no language known here.
pub fn name_of(stated: &str) -> Option<String> {
    let stated = stated.trim();
    let code = stated
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let lang = match code.len() {
        2 => ISO_639_1
            .iter()
            .find(|(two, _)| *two == code)
            .map(|&(_, lang)| lang),
        3 => Lang::from_code(&code),
        _ => Lang::all()
            .iter()
            .copied()
            .find(|l| l.eng_name().eq_ignore_ascii_case(stated)),
    }?;
    Some(lang.eng_name().to_owned())
}

/// ISO 639-1 codes of the languages `whatlang` knows.
const ISO_639_1: &[(&str, Lang)] = &[
    ("af", Lang::Afr),
    ("ak", Lang::Aka),
    ("am", Lang::Amh),
    ("ar", Lang::Ara),
    ("az", Lang::Aze),
    ("be", Lang::Bel),
    ("bg", Lang::Bul),
    ("bn", Lang::Ben),
    ("ca", Lang::Cat),
    ("cs", Lang::Ces),
    ("da", Lang::Dan),
    ("de", Lang::Deu),
    ("el", Lang::Ell),
    ("en", Lang::Eng),
    ("eo", Lang::Epo),
    ("es", Lang::Spa),
    ("et", Lang::Est),
    ("fa", Lang::Pes),
    ("fi", Lang::Fin),
    ("fr", Lang::Fra),
    ("gu", Lang::Guj),
    ("he", Lang::Heb),
    ("hi", Lang::Hin),
    ("hr", Lang::Hrv),
    ("hu", Lang::Hun),
    ("hy", Lang::Hye),
    ("id", Lang::Ind),
    ("it", Lang::Ita),
    ("ja", Lang::Jpn),
    ("jv", Lang::Jav),
    ("ka", Lang::Kat),
    ("km", Lang::Khm),
    ("kn", Lang::Kan),
    ("ko", Lang::Kor),
    ("la", Lang::Lat),
    ("lt", Lang::Lit),
    ("lv", Lang::Lav),
    ("mk", Lang::Mkd),
    ("ml", Lang::Mal),
    ("mr", Lang::Mar),
    ("my", Lang::Mya),
    ("ne", Lang::Nep),
    ("nl", Lang::Nld),
    ("nb", Lang::Nob),
    ("no", Lang::Nob),
    ("or", Lang::Ori),
    ("pa", Lang::Pan),
    ("pl", Lang::Pol),
    ("pt", Lang::Por),
    ("ro", Lang::Ron),
    ("ru", Lang::Rus),
    ("si", Lang::Sin),
    ("sk", Lang::Slk),
    ("sl", Lang::Slv),
    ("sn", Lang::Sna),
    ("sr", Lang::Srp),
    ("sv", Lang::Swe),
    ("ta", Lang::Tam),
    ("te", Lang::Tel),
    ("th", Lang::Tha),
    ("tk", Lang::Tuk),
    ("tl", Lang::Tgl),
    ("tr", Lang::Tur),
    ("uk", Lang::Ukr),
    ("ur", Lang::Urd),
    ("uz", Lang::Uzb),
    ("vi", Lang::Vie),
    ("yi", Lang::Yid),
    ("zh", Lang::Cmn),
    ("zu", Lang::Zul),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        crate::text::lines(text)
    }

    #[test]
    fn detects_the_languages_of_the_story() {
        let cases = [
            ("Kim Jong Un arrives in Vladivostok", "The North Korean leader arrived by armoured train on Wednesday ahead of his first summit with the Russian president.", "English"),
            ("Kim Jong Un trifft Putin in Wladiwostok", "Der nordkoreanische Machthaber ist am Mittwoch mit seinem gepanzerten Zug eingetroffen, um an den Verhandlungen mit dem russischen Präsidenten teilzunehmen.", "German"),
            ("Kim Jong Un arrive à Vladivostok", "Le dirigeant nord-coréen est arrivé mercredi dans son train blindé, avant son premier sommet avec le président russe.", "French"),
            ("Kim Jong Un llega a Vladivostok", "El líder norcoreano llegó el miércoles en su tren blindado, antes de su primera cumbre con el presidente ruso.", "Spanish"),
            ("Ким Чен Ын прибыл во Владивосток", "Северокорейский лидер прибыл в среду на бронепоезде перед первыми переговорами с российским президентом.", "Russian"),
            ("김정은, 블라디보스토크 도착", "북한의 김정은 국무위원장이 수요일 전용 열차를 타고 블라디보스토크에 도착해 러시아 대통령과의 첫 정상회담을 앞두고 있다.", "Korean"),
        ];
        for (headline, text, want) in cases {
            assert_eq!(
                detect(headline, &lines(text)).as_deref(),
                Some(want),
                "{headline}"
            );
        }
    }

    #[test]
    fn too_little_text_names_no_language() {
        assert_eq!(detect("OK", &[]), None);
    }

    #[test]
    fn stated_languages_by_code_or_name() {
        assert_eq!(name_of("de").as_deref(), Some("German"));
        assert_eq!(name_of("de-AT").as_deref(), Some("German"));
        assert_eq!(name_of("pt_BR").as_deref(), Some("Portuguese"));
        assert_eq!(name_of("rus").as_deref(), Some("Russian"));
        assert_eq!(name_of(" Korean ").as_deref(), Some("Korean"));
        assert_eq!(name_of("english").as_deref(), Some("English"));
        assert_eq!(name_of("xx"), None);
        assert_eq!(name_of(""), None);
    }
}

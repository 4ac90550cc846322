"""Language identification per document with py3langid, restricted to a set of likely languages."""

from __future__ import annotations

from functools import lru_cache

# Languages news on diplomacy is likely to come in; restricting the set makes short texts reliable.
LANGUAGES = ["nl", "en", "de", "fr", "es", "it", "pt", "pl", "ru", "uk", "tr", "ar", "he", "zh"]


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(LANGUAGES)
    return ident


def identify(text: str, max_chars: int = 5000) -> tuple[str | None, float]:
    """ISO 639-1 code and probability for ``text``; (None, 0.0) when there is no text to judge."""
    sample = text[:max_chars]
    if sum(c.isalpha() for c in sample) < 3:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def normalise_lang(value: str | None) -> str | None:
    """'NL', 'nl-NL', 'nl_BE' -> 'nl'; empty -> None."""
    if not value or not str(value).strip():
        return None
    return str(value).strip().lower().replace("_", "-").split("-")[0]

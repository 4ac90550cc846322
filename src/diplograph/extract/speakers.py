"""Speaker phrases around a speech cue, and their resolution to a name and an actor.

Works on tokens alone; uses the dependency parse (subject of the cue verb) where the
sentence is parsed, and the `actors` stage's mentions where they exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from diplograph.extract.quote_lexicon import QuoteLexicon
from diplograph.model import Analysis, Mention, Sentence, Token

_CLAUSE_PUNCT = {",", ":", ";", "(", "—", "–", "-"}  # a clause starts after these (and after lex.coordinators)


@dataclass
class Speaker:
    """A resolved speaker: the name to report, the actor code and the phrase in the text."""

    name: str | None
    actor: str | None
    start: int
    end: int
    text: str
    kind: str = "name"  # name | role | institution | pronoun
    person: bool = False  # a person (not a state or an organisation)


def is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def is_role(word: str, lex: QuoteLexicon) -> bool:
    w = word.lower()
    if w in lex.roles or ("-" in w and w.rsplit("-", 1)[1] in lex.roles):  # NAVO-baas, Kremlin-woordvoerder
        return True
    return _role_compound(w, lex.roles)


@lru_cache(maxsize=1 << 16)
def _role_compound(w: str, roles: frozenset[str]) -> bool:
    """Kremlinwoordvoerder, inlichtingenbaas, energieminister: a compound ending in a role."""
    return any(w.endswith(r) and (len(r) >= 6 or len(r) >= 4 and len(w) - len(r) >= 4) for r in roles)


def _led_body(word: str, lex: QuoteLexicon) -> bool:
    """"regering-Trump", "kabinet-Rutte": a body named after its leader."""
    head, _, name = word.partition("-")
    return bool(name) and is_cap(name) and head.lower() in lex.institutions


def is_adjective(word: str, lex: QuoteLexicon) -> bool:
    """A (nationality) adjective in a speaker phrase: Russische, Franse, voormalige, Amerikaanse."""
    w = word.lower()
    if lex.nationality_adjective.match(word):
        return True
    if not (w.isalpha() and w.islower() and w.endswith(lex.adjective_ending) and len(w) > 3) \
            or w in lex.not_adjectives:
        return False
    # past tenses (noemde, zette) end like adjectives; superlatives and present participles stay
    return not w.endswith(lex.past_endings) or w.endswith(lex.adjective_past_like)


def _np_word(tok: Token, lex: QuoteLexicon, neighbour: str | None) -> str:
    """The role of a word in a speaker phrase: name, role, adj, art, particle or '' (not part of one).

    ``neighbour`` is the word next to it on the side of the phrase's head (for adjectives)."""
    w = tok.text
    low = w.lower()
    if low in lex.articles:
        return "art"
    if low in lex.np_stop or low in lex.fillers or low in lex.pronouns:
        return ""
    if len(w) > 2 and w.endswith(".") and w[:-1].isupper():
        return ""  # "de VS. Maduro gaat": an acronym that ends a sentence
    if _led_body(w, lex):
        return "name"
    if low in lex.prepositions and low not in lex.name_particles:
        return ""  # "Onder Poetin ..."
    if is_role(w, lex) or low in lex.channels:
        return "role"
    if lex.nationality_adjective.match(w) or lex.nationality_neuter.match(w):
        return "adj"
    if is_cap(w):
        return "name"
    if low in lex.name_particles:
        return "particle"
    if is_adjective(w, lex):
        return "adj"
    return ""


def np_after(toks: list[Token], i: int, lex: QuoteLexicon, skip: set[int] | None = None) -> list[Token]:
    """The speaker phrase after position ``i`` (an inverted subject: "zei Peskov")."""
    skip = skip or set()
    k = i
    while k < len(toks) and (toks[k].text.lower() in lex.fillers or k in skip):
        k += 1
    if k < len(toks) and toks[k].text.lower() in lex.pronouns:
        return [toks[k]]
    out: list[Token] = []
    kinds: list[str] = []
    while k < len(toks):
        if k in skip and out:
            break
        t = toks[k]
        low = t.text.lower()
        prev = kinds[-1] if kinds else None
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        if low in lex.portfolio_words and prev == "role":
            j = _portfolio_name(toks, k + 1, skip)
            if j is not None:  # "EU-commissaris voor uitbreiding Johannes Hahn"
                out.extend(toks[k:j])
                kinds.extend(["portfolio"] * (j - k))
                k = j
                continue
        if low in lex.of_words and out and (is_cap(nxt) or nxt.lower() in lex.definite_articles or is_role(nxt, lex)):
            kind = "link"
        elif low in lex.name_particles and prev in ("name", "particle") and (is_cap(nxt) or nxt in lex.name_particles):
            kind = "particle"
        else:
            kind = _np_word(t, lex, None)
        if not kind and prev in ("art", "adj") and low.isalpha() and low == t.text and is_cap(nxt):
            kind = "role"  # "de Palestijnse beweging Hamas"
        if not kind and not out and _noun_before_name(toks, k, lex):
            kind = "role"  # "zegt landbouwer Diny Oomen": a describing noun before a full name
        if not kind and is_cap(t.text) and prev in ("role", "name") and is_cap(nxt) and k > 0:
            kind = "name"  # "inlichtingenbaas Dan Coats": a first name that is also a word
        if not kind:
            break
        if kind == "art" and prev not in (None, "link"):
            break
        if kind == "particle" and prev not in ("name", "particle"):
            break
        if kind == "adj" and prev not in (None, "art", "adj", "link"):
            break
        if kind == "name" and prev == "adj" and low in lex.np_stop:
            break
        out.append(t)
        kinds.append(kind)
        k += 1
    while kinds and kinds[-1] in ("art", "link", "particle", "adj"):
        out.pop()
        kinds.pop()
    return out if any(k in ("name", "role") for k in kinds) else []


def _portfolio_name(toks: list[Token], k: int, skip: set[int]) -> int | None:
    """Where the name starts after a role's portfolio ("commissaris voor | uitbreiding | Johannes Hahn",
    "minister voor | Buitenlandse Handel en Ontwikkelingssamenwerking | Sigrid Kaag"): the last two words
    of a run of capitalised words within six words; None where no such name follows."""
    run: list[int] = []
    for j in range(k, min(len(toks), k + 7)):
        w = toks[j].text
        if j in skip or not (w.isalpha() or "-" in w):
            break
        if is_cap(w):
            run.append(j)
        elif run:
            if len(run) >= 2:
                break
            run = []
    if len(run) >= 2 and (run[-1] + 1 >= len(toks) or not is_cap(toks[run[-1] + 1].text)):
        return run[-2]
    return None


def _noun_before_name(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """A lower-case noun followed by a name of two capitalised words ("landbouwer Diny Oomen")."""
    low = toks[k].text
    if k + 2 >= len(toks) or not (low.isalpha() and low.islower() and len(low) >= 5):
        return False
    if low in lex.prepositions | lex.np_stop | lex.fillers | lex.according_to:
        return False
    return _np_word(toks[k + 1], lex, None) == "name" and _np_word(toks[k + 2], lex, None) == "name"


def np_before(toks: list[Token], i: int, lex: QuoteLexicon, clause_start_only: bool = True) -> list[Token]:
    """The speaker phrase ending right before position ``i`` (a subject: "Peskov zei")."""
    if i > 0 and toks[i - 1].text.lower() in lex.pronouns:
        k = i - 2
        if k < 0 or _clause_start(toks[k].text, lex) or toks[k].text.lower() in lex.fillers:
            return [toks[i - 1]]
        return []
    out: list[Token] = []
    kinds: list[str] = []
    k = i - 1
    while k >= 0:
        t = toks[k]
        low = t.text.lower()
        head = kinds[0] if kinds else None
        if low in lex.of_words and out and head in ("name", "role", "art", "adj") and k >= 1 \
                and is_role(toks[k - 1].text, lex):
            kind = "link"
        else:
            kind = _np_word(t, lex, None)
        if not kind and head == "name" and low.isalpha() and low == t.text and k >= 1 and (
                toks[k - 1].text.lower() in lex.determiners or is_adjective(toks[k - 1].text, lex)):
            kind = "role"  # "de Palestijnse beweging Hamas": a describing noun before a name
        if not kind and is_cap(t.text) and head == "name" and k >= 1 and is_role(toks[k - 1].text, lex):
            kind = "name"  # "inlichtingenbaas Dan Coats zei"
        if not kind or (kind == "adj" and head not in ("name", "role", "adj")):
            break
        if kind == "particle" and head != "name":
            break
        if kind == "name" and k == 0 and low in lex.np_stop:
            break
        out.insert(0, t)
        kinds.insert(0, kind)
        k -= 1
        if kind == "art" and not (k >= 1 and toks[k].text.lower() in lex.of_words and is_role(toks[k - 1].text, lex)):
            break
    while kinds and kinds[0] in ("link", "particle"):
        out.pop(0)
        kinds.pop(0)
    if not any(x in ("name", "role") for x in kinds):
        return []
    if clause_start_only and k >= 0:
        prev = toks[k].text
        if prev.lower() in lex.possessives and k >= 1 and toks[k - 1].text.lower() in lex.and_words:
            return out  # "X en zijn Franse ambtgenoot Y verklaarden"
        if not _clause_start(prev, lex) and prev.lower() not in lex.fillers and not _is_quote_mark(prev) \
                and not (prev[-1] in ".!?" and (len(prev) == 1 or prev[:-1].isupper())) \
                and not (out[0].text in {a.capitalize() for a in lex.articles} and after_heading(toks, out[0].i, lex)):
            return []  # a capitalised article inside a sentence starts one (a run-in subheading)
    return out


def _clause_start(word: str, lex: QuoteLexicon) -> bool:
    """A clause starts after ``word``: a comma, colon, dash or bracket, or a coordinator ("en", "maar")."""
    return word in _CLAUSE_PUNCT or word in lex.coordinators


def after_heading(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """Token ``k`` follows a short subheading that ran into the sentence ("Onwrikbare steun | De Duitse
    minister ...", "China waarschuwt | Terwijl ..."): one to three words after a sentence start, the first
    capitalised, the others lower-case, the last one not a function word."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if not toks[j].text.isalpha():
            return False
        if is_cap(toks[j].text):
            start = j == 0 or toks[j - 1].text in {".", "!", "?", ":"} or toks[j - 1].text.endswith(".")
            last = toks[k - 1].text.lower()
            return start and j < k and last not in lex.determiners | lex.prepositions | lex.np_stop
    return False


def _is_quote_mark(word: str) -> bool:
    return word in {'"', "“", "”", "„", "‘", "’", "'", "«", "»", ",,"}


def subject_from_parse(sent: Sentence, i: int, lex: QuoteLexicon) -> list[Token]:
    """The subject of the cue verb at ``i`` (or of its auxiliary) from the dependency parse."""
    if not sent.parsed:
        return []
    toks = sent.tokens
    heads = {i}
    k = i
    while toks[k].rel.lower() in {"vc", "xcomp", "aux"} and 0 <= toks[k].head < len(toks) and len(heads) < 4:
        k = toks[k].head  # "heeft ... gezegd": the participle hangs under its auxiliary
        heads.add(k)
    for t in toks:
        if t.head in heads and t.rel.lower() in {"su", "nsubj", "nsubj:pass"} \
                and t.text.lower() not in lex.demonstratives:
            return [t]
    return []


class SpeakerResolver:
    """Resolves speaker phrases to names and actor codes within one document."""

    def __init__(self, analysis: Analysis, lex: QuoteLexicon) -> None:
        self.analysis = analysis
        self.lex = lex
        self.text = analysis.doc.text
        self.mentions = [m for m in analysis.mentions if m.kind != "source"]
        self.sources = [m for m in analysis.mentions if m.kind == "source"]

    def _overlapping(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.span.start < end and start < m.span.end]

    def is_channel(self, start: int, end: int, text: str) -> bool:
        if any(m.span.start < end and start < m.span.end for m in self.sources):
            return True
        words = {w.lower() for w in re.findall(r"[\w-]+", text)}
        return self.lex.is_media(text) or bool(words & self.lex.channels)

    def resolve(self, toks: list[Token], media: bool = False) -> Speaker | None:
        """A speaker from a speaker phrase; None for empty phrases and for news media unless
        ``media`` (a medium whose own words are quoted: "schreef weekblad Moskovsky Komsomolets")."""
        if not toks:
            return None
        start, end = toks[0].start, toks[-1].end
        phrase = self.text[start:end]
        if self.is_channel(start, end, phrase):
            if not media:
                return None
            names = self._name_tokens(toks)
            if not names:
                return None
            return Speaker(self.text[names[0].start:names[-1].end], None, start, end, phrase, "institution")
        words = [t.text for t in toks]
        if len(toks) == 1 and words[0].lower() in self.lex.pronouns:
            ms = self._overlapping(start, end)
            m = ms[0] if ms else None
            if m and (m.person or m.actor):
                name = self.person_text(m.person) if m.person else None
                return Speaker(name, m.actor, start, end, phrase, "pronoun", bool(m.person))
            return Speaker(None, None, start, end, phrase, "pronoun")
        name_toks = self._name_tokens(toks)
        if {t.text.lower() for t in toks} & self.lex.portfolio_words and len(name_toks) > 2:
            name_toks = name_toks[-2:]  # "minister voor ... Ontwikkelingssamenwerking Sigrid Kaag"
        if len(name_toks) == 1 and len(name_toks[0].text) == 1:
            return None  # "volgens I&O Research" split by the tokenizer: a letter is no name
        ms = self._overlapping(start, end)
        actor = self._actor(ms)
        of = next((w for w in words if w in self.lex.of_words), None)
        if of is not None:  # "Van Dijk" is a surname; "de woordvoerder van het Kremlin" is not
            vi = words.index(of)
            head, tail = toks[:vi], toks[vi + 1:]
            if any(is_role(t.text, self.lex) for t in head) and not self._name_tokens(head) and tail:
                tail_names = self._name_tokens(tail)
                if tail_names and tail_names[-1].end == tail[-1].end:
                    k = tail.index(tail_names[0])
                    before_name = tail[k - 1].text if k > 0 else ""
                    person_ms = [m for m in ms if m.person and m.span.start < tail_names[-1].end
                                 and tail_names[0].start < m.span.end]
                    if is_role(before_name, self.lex):
                        # "een topadviseur van president Zelensky": the adviser speaks, unnamed
                        text = " ".join(t.text for t in head if t.text.lower() not in self.lex.determiners)
                        return Speaker(text, actor, start, end, phrase, "role")
                    if person_ms or (k > 0 and len(tail_names) > 1):
                        # "de woordvoerder van het Kremlin Dmitri Peskov": the named person speaks
                        name = self.fullest(self.text[tail_names[0].start:tail_names[-1].end])
                        if person_ms:
                            return Speaker(self._named(person_ms[0], name), person_ms[0].actor or actor, start, end,
                                           phrase, "name", True)
                        return Speaker(name, actor, start, end, phrase, "name", True)
                # "een woordvoerder van het Elysée": the institution speaks
                text = self.text[self._strip_article(head)[0].start:end]
                return Speaker(text, actor, start, end, phrase, "institution")
        persons = [m for m in ms if m.person]
        body = next((t for t in toks if _led_body(t.text, self.lex)), None)
        if body is not None and not name_toks:  # "de regering-Trump" speaks as a body
            return Speaker(body.text, actor, start, end, phrase, "institution")
        if name_toks:
            own = [m for m in ms if m.span.start <= name_toks[-1].start < m.span.end]
            name = self.fullest(self.text[name_toks[0].start:name_toks[-1].end])
            if any(m.person for m in own):
                m = next(m for m in own if m.person)
                return Speaker(self._named(m, name), m.actor or actor, start, end, phrase, "name", True)
            if own:  # a state or an organisation named as such
                return Speaker(name, actor, start, end, phrase, "institution")
        if persons:
            m = max(persons, key=lambda m: len(m.person or ""))
            return Speaker(self.person_text(m.person or ""), m.actor or actor, start, end, phrase, "role", True)
        if name_toks:
            if len(name_toks) == 1 and not ms:
                known = self._known_person(name_toks[0].text)
                if known is not None:  # "aldus Wang" after "Topdiplomaat Wang Yi"
                    return Speaker(self.person_text(known.person or ""), known.actor or actor, start, end, phrase,
                                   "name", True)
                if not self.name_like(name_toks[0]):
                    return None  # "Pessimisten vrezen dat ...": a common noun at the start of a sentence
            name = self.text[name_toks[0].start:name_toks[-1].end]
            return Speaker(self.fullest(name), actor, start, end, phrase, "name", not ms or len(name_toks) > 1)
        core = self._strip_article(toks)
        text = self.text[core[0].start:end] if core else phrase
        return Speaker(text, actor, start, end, phrase, "role")

    def _known_person(self, word: str) -> Mention | None:
        """The one person of the document whose name has ``word`` in it ("Wang" in "Wang Yi")."""
        found = {m.person: m for m in self.mentions if m.person and m.kind in ("name", "role")
                 and word in m.span.text.split()}
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _actor(ms: list[Mention]) -> str | None:
        for kind in ("name", "role", "coref", "metonym", "pronoun", "adjective"):
            for m in ms:
                if m.kind == kind and m.actor:
                    return m.actor
        return next((m.actor for m in ms if m.actor), None)

    def _strip_article(self, toks: list[Token]) -> list[Token]:
        k = 0
        while k < len(toks) - 1 and toks[k].text.lower() in self.lex.determiners:
            k += 1
        return toks[k:]

    def _name_tokens(self, toks: list[Token]) -> list[Token]:
        """The longest run of name words (capitalised, not roles or adjectives) in a phrase."""
        best: list[Token] = []
        cur: list[Token] = []
        for n, t in enumerate(toks):
            w = t.text
            described = any(is_role(t.text, self.lex) or (t.text.isalpha() and t.text.islower()
                                                          and t.text not in self.lex.determiners)
                            for t in toks[:n] if cur and t.start < cur[0].start)
            if w in self.lex.of_words and len([c for c in cur if is_cap(c.text)]) >= 2 and (
                    self._org_follows(toks[n + 1:]) or described):
                break  # "António Guterres van de VN", "topman Torstein Hagen van Viking Cruises"
            namey = (is_cap(w) and not is_role(w, self.lex) and not self.lex.nationality_adjective.match(w)
                     and w.lower() not in self.lex.determiners)
            particle = cur and w.lower() in self.lex.name_particles and w.islower()
            if "-" in w and w.rsplit("-", 1)[1].islower():
                namey = False  # "Night-presentator": a description, not a name
            if namey or particle:
                cur.append(t)
            else:
                cur = []
            if len(cur) > len(best):
                best = list(cur)
        while best and best[-1].text.lower() in self.lex.name_particles and best[-1].text.islower():
            best.pop()
        if len(best) > 1 and self._ordinary_word(best[0].text, best[0].start):
            best = best[1:]
        k = toks.index(best[0]) if best else 0
        if len(best) > 2 and k > 0 and self.lex.nationality_adjective.match(toks[k - 1].text) \
                and self.text[:toks[k - 1].start].split()[-1:] in [[w] for w in self.lex.of_words]:
            best = best[1:]  # "minister van Europese Zaken Nathalie Loiseau": the portfolio is no first name
        return best

    def _org_follows(self, toks: list[Token]) -> bool:
        """The phrase starts with a state or an organisation ("de VN", "het Kremlin")."""
        for t in toks[:3]:
            if t.text.lower() in self.lex.determiners:
                continue
            return any(m.span.start <= t.start < m.span.end and not m.person for m in self.analysis.mentions)
        return False

    def _ordinary_word(self, word: str, offset: int) -> bool:
        """A capitalised word before a name that is not a first name: "Volgens", "Vastgoedmiljardair"."""
        low = word.lower()
        lex = self.lex
        if low in lex.according_to | lex.fillers | lex.np_stop | lex.pronouns or re.search(
                rf"\b{re.escape(low)}\b", self.text):
            return True
        return len(word) >= 12 and self._sentence_initial(offset)

    def _named(self, m: Mention, name: str) -> str:
        """The text's fullest name for a person mention ("Xi" -> "Xi Jinping" where the text has both)."""
        full = self.person_text(m.person or "")
        last = m.span.text.split()[-1].lower() if m.span.text.split() else ""
        if full and last and last in full.lower().split():
            return full
        return name

    def name_like(self, tok: Token) -> bool:
        """A capitalised word that is a name: known to the actor layer, tagged as one by the parser,
        or capitalised somewhere other than at the start of a sentence ("Buiten", "Eerlijk" are not)."""
        if any(m.span.start <= tok.start < m.span.end for m in self.analysis.mentions) or tok.ner != "O":
            return True
        if not self._sentence_initial(tok.start):
            return True
        if re.search(rf"(?<=[\w,;:)] ){re.escape(tok.text)}\b", self.text):
            return True
        # a misspelt known name ("Zelenksi" beside "Zelenski")
        known = {m.span.text.split()[-1] for m in self.analysis.mentions if m.person and m.span.text.split()}
        return any(SequenceMatcher(None, tok.text.lower(), k.lower()).ratio() >= 0.8 for k in known)

    def _sentence_initial(self, offset: int) -> bool:
        before = self.text[:offset].rstrip(" \t\"'”’»)")
        return not before or before[-1] in ".!?:\n"

    def person_text(self, person: str) -> str:
        """A person (canonical name from the actor layer) as the text names them, fullest form."""
        forms: list[list[str]] = []
        for m in self.analysis.mentions:
            if m.person == person and m.kind == "name":
                words = [w for w in m.span.text.split() if is_cap(w) and not is_role(w, self.lex)
                         and not self.lex.nationality_adjective.match(w)]
                if words:
                    forms.append(words)
        if not forms:
            return person
        # the longest form, leaving out genitives ("Trumps" beside "Trump")
        gen = self.lex.genitive_suffix
        lasts = {f[-1] for f in forms}
        plain = [f for f in forms if not (f[-1].endswith(gen) and f[-1][:-len(gen)] in lasts)] or forms
        best = list(max(plain, key=len))
        canon = person.split()[-1] if person.split() else ""
        if best[-1].endswith(gen) and best[-1][:-len(gen)] == canon:
            best[-1] = canon  # only the genitive in the text: "Mays" -> "May"
        return self.fullest(" ".join(best))

    def fullest(self, name: str) -> str:
        """The fullest form of a person's name in the text: "Peskov" -> "Dmitri Peskov"."""
        last = name.split()[-1] if name.split() else name
        if not last or not is_cap(last):
            return name
        best = name
        particles = "|".join(re.escape(p) for p in self.lex.surname_particles)
        pat = re.compile(r"((?:[A-ZÀ-Ý][\w’'-]*[ \t]+|(?:" + particles + r")[ \t]+){1,3})" + re.escape(last) + r"\b")
        for m in pat.finditer(self.text):
            words = m.group(0).split()
            while words and (is_role(words[0], self.lex) or self.lex.nationality_adjective.match(words[0])
                             or words[0].lower() in self.lex.determiners | self.lex.fillers | self.lex.np_stop
                             or words[0].lower() in self.lex.name_particles or not is_cap(words[0])):
                words.pop(0)
            if any(is_role(w, self.lex) for w in words):
                continue
            if len(words) <= len(name.split()):
                continue  # only a longer form of the name replaces it
            if words:
                first = words[0]
                before = self.text[:m.start(0) + m.group(0).find(first)].split()[-1:]
                if before and (before[0].lower() in self.lex.determiners | self.lex.of_words | self.lex.prepositions
                               or is_adjective(before[0], self.lex)):
                    continue  # "de Europese Commissie Von der Leyen"
                at = m.start(0) + m.group(0).find(first)
                if self._ordinary_word(first, at) or any(
                        mm.span.start <= at < mm.span.end and not mm.person for mm in self.analysis.mentions):
                    continue  # "Washington Donald Trump": a place (dateline) before the name
            cand = " ".join(words)
            if len(words) <= 4 and len(words) > len(best.split()) and cand.endswith(name.split()[-1]):
                best = cand
        return best


def find_aux(toks: list[Token], i: int, lex: QuoteLexicon) -> int | None:
    """The finite auxiliary of a participle or infinitive cue ("heeft ... gezegd", "zou X hebben
    gezegd"): the leftmost auxiliary in the clause before the cue."""
    found = None
    for k in range(i - 1, max(-1, i - 12), -1):
        if toks[k].text in {",", ":", ";"} or toks[k].text.lower() in lex.aux_clause_bounds:
            break
        if toks[k].text.lower() in lex.auxiliaries:
            found = k
    return found

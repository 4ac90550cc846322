"""The `actors` stage: find, canonicalise and link the actors a text mentions.

Steps, per document:

1. gazetteer (:mod:`actor_gazetteer`): every alias of the knowledge base (states,
   organisations, people) and every media outlet, longest match first, on word
   boundaries, accents optional; "Kremlin-woordvoerder", "NAVO-top" and glued compounds
   ("Kremlinleider") included; names that are part of another proper name ("Real Madrid",
   "Razvan Marin") are dropped;
2. roles: "de Russische president", "de woordvoerder van het Kremlin", "VS-president",
   "Hamasleider", "zijn Russische ambtsgenoot", "de Oekraïense leider" give the actor and,
   where one person held the office at the document's date (``Document.date``), the
   person; a name after a role ("de Oekraïense onderhandelaar Davyd X",
   "de minister, Hakan Fidan,") becomes that actor's person, KB spellings fuzzily;
3. Frog entities (sentences with ``parsed=True``): PER names not in the KB become person
   mentions without actor (or the KB person they nearly spell);
4. coreference: "hij"/"zij" after one person just named, "de president" after the last
   holder named (never a person named in the same sentence), surnames of new names;
5. participation: each mention says whether it makes its actor a participant of what
   the text reports; places ("in Syrië", "de Poolse hoofdstad Warschau", lists after a
   locative, origins and destinations of countries: "olie die naar Hongarije, Slowakije en
   Tsjechië stroomt"), descriptions ("de Britse krant", "een Russische analist",
   "Minsk-akkoorden", "Navo-bondgenoot Turkije"), nationality adjectives without an agent or
   act after them ("Nederlandse kaas"), comparisons ("net zoals we deden voor Finland"),
   examples closing a sentence ("... met zeventien landen, waaronder Israël en Japan."),
   codes outside SCHEMA (KB ``listed: false``), ambiguous aliases and media outlets do not
   (``Mention.participant``; see ``Analysis.actors``).

Language knowledge lives in ``lang/<xx>/actor_patterns.yaml`` (:mod:`actor_lexicon`),
the knowledge base in ``data/actors/*.yaml`` (:mod:`actor_kb`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources

from diplograph.extract.actor_gazetteer import MEDIA, Gazetteer, Hit, load_gazetteer
from diplograph.extract.actor_kb import KB, Person
from diplograph.extract.actor_lexicon import Lexicon, fold, strip_accents, words_after, words_before
from diplograph.extract.pipeline import register
from diplograph.model import Analysis, Mention, Span

VERSION = "3"
EXTRACTOR = f"actors@{VERSION}"


@register("actors")
class ActorsStage:
    """Mentions of actors (and media sources) with canonical codes and persons."""

    name = "actors"
    version = VERSION

    def __init__(self, lang: str = "nl", **_: object) -> None:
        self.lang = lang
        self.kb, self.lex, self.gaz = load_gazetteer(lang)

    def __call__(self, analysis: Analysis) -> None:
        lang = analysis.doc.lang
        if lang and lang != self.lang and has_lexicon(lang):  # patterns of the document's language
            kb, lex, gaz = load_gazetteer(lang)
        else:
            kb, lex, gaz = self.kb, self.lex, self.gaz
        Linker(kb, lex, gaz, analysis).run()


def has_lexicon(lang: str) -> bool:
    return (resources.files("diplograph") / "lang" / lang / "actor_patterns.yaml").is_file()


class Linker:
    """Does the work for one document."""

    def __init__(self, kb: KB, lex: Lexicon, gaz: Gazetteer, analysis: Analysis) -> None:
        self.kb, self.lex, self.gaz, self.a = kb, lex, gaz, analysis
        self.text = analysis.doc.text
        self.date = analysis.doc.date
        self.mentions: list[Mention] = []
        self.seen_people: set[str] = set()
        self.local_people: dict[str, tuple[str, str | None]] = {}  # surname -> (full name, actor)
        self._hits: list[Hit] = []
        self._hit_starts: set[int] = set()
        self._hit_ends: set[int] = set()

    # -- helpers
    def sentence_of(self, offset: int) -> int:
        s = self.a.sentence_at(offset)
        if s is not None:
            return s.index
        for s in reversed(self.a.sentences):
            if s.start <= offset:
                return s.index
        return 0

    def add(self, start: int, end: int, actor: str | None, person: str | None, kind: str, conf: float,
            participant: bool = True) -> Mention:
        m = Mention(Span(start, end, self.text[start:end]), self.sentence_of(start), actor, person, kind, conf,
                    EXTRACTOR, participant)
        self.mentions.append(m)
        return m

    # -- main
    def run(self) -> None:
        raw = [self._genitive(h) for h in self.gaz.find(self.text)
               if not self._prefixed(h) and h.alias.active(self.date)]
        self._hits = raw
        self._hit_starts = {h.start for h in raw}
        self._hit_ends = {h.end for h in raw}
        found = [(h, self._inside_other_name(h)) for h in raw]
        found = [(h, why or self._state_body(h, raw)) for h, why in found]
        # a surname after an unknown first name ("Razvan Marin", "Daniil Medvedev") makes the surname that
        # person's throughout the text, unless the KB person is named in full too ("Vladimir Poetin" ...
        # "Paria Poetin")
        people = [(h, why) for h, why in found if h.alias.kind == "person"]
        full = {h.alias.person for h, why in people if why is None and " " in h.alias.text.strip()}
        other = {h.alias.person for h, why in people if why == "first name"} - full
        hits = [h for h, why in found
                if (why is None and not (h.alias.kind == "person" and h.alias.person in other))
                or (why == "first name" and h.alias.person in full)]
        for h, participant in zip(hits, self._participation(hits), strict=True):
            self._name(h, participant)
        self._roles(hits)
        self._late_ambiguous(hits)
        self._frog_people()
        self._coref()
        self.mentions.sort(key=lambda m: (m.span.start, m.span.end))
        self.a.mentions.extend(self.mentions)

    def _genitive(self, h: Hit) -> Hit:
        """"Ruslands invasie", "een Nederlands besluit", "het Nederlands" (the language): a state's name with
        -s is used like its adjective, and counts only as one (with an agent or act after it)."""
        actor = self.kb.actor(h.alias.actor) if h.alias.kind == "name" else None
        form = self.text[h.start:h.end]
        if actor is None or actor.type != "state" or not form.endswith("s") \
                or fold(form) == fold(h.alias.text) or fold(form[:-1].rstrip("'’")) != fold(h.alias.text):
            return h
        return Hit(h.start, h.end, replace(h.alias, kind="adjective"))

    def _prefixed(self, h: Hit) -> bool:
        """"pro-Russische", "Noord-Europese": the name is part of another word."""
        m = re.search(r"(\w+)- ?$", self.text[max(0, h.start - 12):h.start])
        return bool(m) and m.group(1).lower() in self.lex.hyphen_prefixes

    def _sentence_initial(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3):pos]
        return pos == 0 or not before.strip() and ("\n" in before or pos < 3) or bool(
            re.search(r"[.!?:;\"“”„'‘’«»(\[•|-]\s*$", self.text[max(0, pos - 4):pos]))

    def _inside_other_name(self, h: Hit) -> str | None:
        """Why the hit is part of another proper name ("part": "Real Madrid", "Champs-Élysées",
        "Ignacio Sánchez-Cuenca"; "first name": a surname after an unknown first name, "Razvan Marin"),
        None when it is not.
        """
        kind = h.alias.kind
        if kind == MEDIA or kind == "adjective" or kind == "demonym":
            return None
        # "politicoloog Wietse van Engeland": a country in a surname with a particle
        p = re.search(r"([A-ZÀ-Þ][\w'’]+) (?:van|von|van der|van den|de) $", self.text[max(0, h.start - 40):h.start])
        if p and kind in ("name", "metonym") and not self._sentence_initial(h.start - len(p.group(0))) \
                and self.gaz.lookup(strip_accents(p.group(1))) is None and fold(p.group(1)) not in self.lex.roles \
                and fold(p.group(1)) not in self.lex.titles and (h.start - len(p.group(0)) + len(p.group(1))) \
                not in self._hit_ends:
            return "part"
        m = re.search(r"(\w[\w'’]*)([ -])$", self.text[max(0, h.start - 40):h.start])
        surname = kind == "person" and " " not in h.alias.text.strip()
        if m and m.group(1)[0].isupper() and (surname or not self._sentence_initial(h.start - len(m.group(0)))):
            prev_word = m.group(1)
            known = self.gaz.lookup(strip_accents(prev_word)) is not None or (h.start - 1) in self._hit_ends \
                or bool(self.gaz.compound.match(strip_accents(prev_word)))  # "Hamasleider Haniyeh"
            title = fold(prev_word) in self.lex.roles or fold(prev_word) in self.lex.titles \
                or (self._sentence_initial(h.start - len(m.group(0))) and self._common_noun(prev_word))
            if not known and not title and not self._own_first_name(h, prev_word):
                if kind != "person" or m.group(2) == "-":
                    return "part"
                if surname:
                    return "first name"
        nxt = re.match(r"([ -])([^\W\d_][\w'’]*)", self.text[h.end:h.end + 40])
        if nxt and nxt.group(2)[0].isupper() and (nxt.group(1) == "-" or kind != "person" or surname):
            word = nxt.group(2)
            if self.gaz.lookup(strip_accents(word)) is None and fold(word) not in self.lex.roles \
                    and fold(word) not in self.lex.titles and (h.end + 1) not in self._hit_starts:
                return "part"
        return None

    def _common_noun(self, word: str) -> bool:
        """A capitalised sentence-initial noun, no first name: "Vastgoedmiljardair Witkoff", "Oud-premier X"."""
        w = fold(word)
        return any(w.endswith(n) for n in self.lex.long_nouns)

    def _state_body(self, h: Hit, hits: list[Hit]) -> str | None:
        """"de Russische Veiligheidsraad": a body of the state named by the adjective, not the organisation."""
        actor = self.kb.actor(h.alias.actor)
        if h.alias.kind != "name" or actor is None or actor.type == "state":
            return None
        for p in hits:
            if p.end < h.start and not self.text[p.end:h.start].strip() and p.alias.kind == "adjective":
                state = self.kb.actor(p.alias.actor)
                if state is not None and state.type == "state":
                    return "part"
        return None

    def _own_first_name(self, h: Hit, word: str) -> bool:
        """"Wolodymyr" before "Zelenskyj": a spelling of the person's own first name."""
        person = self.kb.person(h.alias.person or "") if h.alias.kind == "person" else None
        if person is None:
            return False
        firsts = {fold(n.split()[0])[:3] for n in [person.name, *person.aliases] if " " in n}
        return fold(word)[:3] in firsts

    def _name(self, h: Hit, participant: bool) -> None:
        a = h.alias
        if a.kind == MEDIA:
            if a.ambiguous and not self._media_context(h):
                return
            self.add(h.start, h.end, None, a.person, "source", 0.9, participant=False)
            return
        if a.kind == "person":
            person = self.kb.person(a.person or "")
            if person is None or self._name_described(h):
                return
            if a.ambiguous and person.name not in self.seen_people:
                return
            self.seen_people.add(person.name)
            self.add(h.start, h.end, person.actor_at(self.date), person.name, "name", 0.95)
            return
        kind = {"name": "name", "metonym": "metonym", "adjective": "adjective", "demonym": "adjective"}[a.kind]
        self.add(h.start, h.end, a.actor, None, kind, 0.9 if participant else 0.5, participant)

    def _late_ambiguous(self, hits: list[Hit]) -> None:
        """An ambiguous surname whose person a role made clear ("De Australische premier Morrison ...")
        counts everywhere in the text ("... aldus Morrison")."""
        for h in hits:
            a = h.alias
            if a.kind != "person" or not a.ambiguous or a.person not in self.seen_people:
                continue
            if any(m.span.start < h.end and h.start < m.span.end for m in self.mentions):
                continue
            person = self.kb.person(a.person or "")
            if person is not None:
                self.add(h.start, h.end, person.actor_at(self.date), person.name, "name", 0.9)

    def _media_context(self, h: Hit) -> bool:
        before = words_before(self.text, h.start, 3)
        cues = {"volgens", "aan", "tegen", "krant", "zender", "omroep", "persbureau", "nieuwsagentschap", "blad"}
        return bool(cues & set(before)) or words_after(self.text, h.end, 1) in (["meldt"], ["meldde"])

    # -- participation
    def _participation(self, hits: list[Hit]) -> list[bool]:
        """Whether each hit makes its actor take part in what the text reports."""
        flags = []
        for h in hits:
            head = self._list_head(h.start) if self.text[h.start].isupper() else h.start  # not "westerse landen"
            country = h.alias.kind == "name"
            loc = self._is_place(h) and (self._locative(h) or (head < h.start and self._place_before(head, country)))
            loc = loc or (self._is_place(h) and self._example_in_complement(h, head))
            ok = not loc and not self._describes_non_actor(h) and not self._in_comparison(head) \
                and self._listed(h) and (h.alias.kind != "adjective" or self._qualifies_actor(h))
            if ok and h.alias.kind == "demonym" and self._counted(h):
                ok = False
            elif ok and h.alias.kind in ("name", "metonym") and self.lex.no_reaction_re.match(
                    fold(self.text[h.end:h.end + 60])):
                ok = False  # "Rusland heeft nog niet gereageerd op het bezoek"
            elif ok and h.alias.kind == "name" and words_before(self.text, h.start, 1) \
                    and words_before(self.text, h.start, 1)[0] in self.lex.population_words:
                ok = False  # "heel Nederland hoopt op een stunt van Ajax": the population
            elif ok and h.alias.ambiguous:
                ok = self._agent_follows(h) or (h.alias.kind == "demonym" and self._counterpart(h))
            flags.append(ok)
        # "Oekraïne en westerse landen": an ambiguous item of a list of acting names counts
        for i in range(1, len(hits)):
            prev, h = hits[i - 1], hits[i]
            if re.fullmatch(r"\s*(?:,|en|of|and|&)\s*", self.text[prev.end:h.start]) and h.alias.ambiguous \
                    and flags[i - 1] and prev.alias.kind in ("name", "metonym") and not flags[i]:
                flags[i] = self._listed(h) and not (self._is_place(h) and self._locative(h))
        return flags

    def _counted(self, h: Hit) -> bool:
        """A demonym counted as people, not the state: "85 Nederlanders", "duizenden Russen", "ruim driekwart van
        de Nederlanders", "70 procent van de Russen", "de 30-jarige Duitser"."""
        before = words_before(self.text, h.start, 4)
        if len(before) >= 3 and before[-2:] == ["van", "de"]:
            before = before[:-2]
        return bool(before) and (before[-1].isdigit() or before[-1] in self.lex.quantifiers
                                 or before[-1] in self.lex.shares
                                 or any(before[-1].endswith(a) for a in self.lex.person_adjectives))

    def _counterpart(self, h: Hit) -> bool:
        """A demonym as the party talked with or fought: "vredesbesprekingen met de Palestijnen",
        "onderhandelingen met de Russen"."""
        words = words_before(self.text, h.start, 3)
        if words and words[-1] in ("de", "het"):
            words = words[:-1]
        if len(words) < 2 or words[-1] not in self.lex.counterpart_prepositions:
            return False
        noun = words[-2]
        return any(noun == n or (noun.endswith(n) and len(n) >= 4) for n in self.lex.counterpart_nouns)

    def _listed(self, h: Hit) -> bool:
        """Whether the hit's code is one a document's actor list may hold (SCHEMA's codes; KB ``listed``)."""
        actor = self.kb.actor(h.alias.actor) if h.alias.kind != "person" else None
        return actor is None or actor.listed

    _ITEM = re.compile(r"(?:\b(?:de|het|the)\s+)?(?:[A-ZÀ-Þ][\w'’.]*(?:-\s?|\s+))*[A-ZÀ-Þ][\w'’.]*\s*$")
    _SEP = re.compile(r"(?:\s*,\s*|\s+(?:en|of|and)\s+)(?:(?:de|het|the)\s+)?$")

    def _list_head(self, pos: int) -> int:
        """Where the coordination holding the name at ``pos`` starts: "naar Hongarije, Slowakije en [Tsjechië]"
        gives the offset of "Hongarije"; ``pos`` itself outside a list."""
        head = pos
        for _ in range(12):
            window = self.text[max(0, head - 120):head]
            sep = self._SEP.search(window)
            if not sep:
                break
            item = self._ITEM.search(window, 0, sep.start())
            if not item or item.end() != sep.start():
                break
            head -= len(window) - item.start()
        return head

    def _place_before(self, pos: int, country: bool = False) -> bool:
        """A locative right before the name (or list of names) starting at ``pos``: "in Syrië",
        "in [landen als] Irak en Libië", "de Poolse hoofdstad Warschau"; for a ``country`` name also
        origins and destinations ("olie die naar Hongarije stroomt")."""
        before = self.text[max(0, pos - 60):pos]
        filler = self.lex.list_fillers.search(fold(before))
        if filler:
            before = before[:filler.start()]
        if re.search(r"[.;:!?\"“”„(]\s*$", before):
            return False
        words = words_before(before, len(before), 4)
        if len(words) > 2 and words[-2] in ("de", "het") and words[-1].endswith("e") and words[-1].isalpha() \
                and words[-3] in self.lex.locatives:
            words = words[:-2]  # "in het mazelenvrije Costa Rica", "in het olierijke Brunei"
        if words and words[-1] in ("de", "het", "den"):  # "in de Tweede Kamer", "in het Witte Huis"
            words = words[:-1]
        preps = self.lex.locatives | self.lex.origin_prepositions if country else self.lex.locatives
        if words and words[-1] in preps:  # but "de oorlog in Oekraïne", "op bezoek in Australië"
            if len(words) > 1 and words[-1] in self.lex.origin_prepositions - self.lex.locatives \
                    and words[-2] in self.lex.agent_nouns | self.lex.action_nouns:
                return False  # "de dreiging vanuit Rusland", "troepen uit Rusland": the state acts
            if words[-1] == "naar" and self.lex.travel_words & set(words_before(before, len(before) - 1, 6)) \
                    and self._person_before(pos):
                return False  # "Poetin reist donderdag naar China": the host of a state visit takes part
            return not (len(words) > 1 and words[-2] in self.lex.conflict_nouns | self.lex.visit_nouns)
        return bool(words) and (words[-1] in self.lex.locative_nouns or " ".join(words[-2:]) in self.lex.locative_nouns)

    _LIST_END = re.compile(r"(?:\s*(?:,|\ben\b|\bof\b)\s*(?:(?:de|het)\s+)?"
                           r"[A-ZÀ-Þ][\w'’.]*(?:(?:-\s?|\s+)[A-ZÀ-Þ][\w'’.]*)*)*\s*(?:[.!?;)]|$)")

    def _example_in_complement(self, h: Hit, head: int) -> bool:
        """States named as examples of a set that closes its sentence: "hebben de VS MNNA-banden met zeventien
        landen, waaronder Israël, Australië en Japan.", "investeren in tal van EU-landen, zoals Griekenland en
        Portugal." (but "Verschillende landen, waaronder Frankrijk, veroordeelden ..." and "Vijf landen hebben
        ..., waaronder Frankrijk." keep them: there the set acts)."""
        m = self.lex.example_re.search(fold(self.text[max(0, head - 80):head]))
        if not m or not any(m.group(1).endswith(n) for n in self.lex.set_nouns):
            return False
        return bool(self._LIST_END.match(self.text, h.end))

    def _person_before(self, pos: int) -> bool:
        """A KB person named earlier in the sentence (within 150 characters) of ``pos``."""
        start = max(0, pos - 150)
        stop = max((m.end() for m in re.finditer(r"[.!?]\s", self.text[start:pos])), default=0) + start
        return any(h.alias.kind == "person" and stop <= h.start < pos for h in self._hits)

    def _in_comparison(self, pos: int) -> bool:
        """A name in a comparison, not in what is reported: "zoals bij de toetredingsaanvragen van Zweden",
        "net zoals we deden voor Finland"; right after "in tegenstelling tot", "een land als" or a comparative
        ("op handelsgebied 'erger dan China'")."""
        clause = re.split(r"[.;:!?,\"“”„()]", fold(self.text[max(0, pos - 100):pos]))[-1]
        return bool(self.lex.comparison_re.search(clause) or self.lex.compared_re.search(clause)
                    or self.lex.comparative_re.search(clause))

    def _is_place(self, h: Hit) -> bool:
        """States, seats and "het Westen" can be places; organisations and people cannot."""
        if h.alias.kind == "metonym":
            return True
        actor = self.kb.actor(h.alias.actor)
        return h.alias.kind in ("name", "adjective") and actor is not None and actor.type in ("state", "collective")

    def _locative(self, h: Hit) -> bool:
        """"in Syrië", "te Washington", "de Poolse hoofdstad Warschau", "in het Duitse München"."""
        if h.alias.kind in ("adjective", "demonym"):
            return False  # "in het Duitse München": the capitalised place after it decides (_describes_non_actor)
        return self._place_before(h.start, h.alias.kind == "name") or (h.alias.kind == "metonym" and self._treaty(h))

    def _treaty(self, h: Hit) -> bool:
        """A city naming a treaty or a battle: "het klimaatakkoord van Parijs", "het verdrag van Lissabon"."""
        words = words_before(self.text, h.start, 2)
        return len(words) == 2 and words[1] in ("van", "om") \
            and any(words[0].endswith(n) for n in self.lex.treaty_nouns)

    def _name_described(self, h: Hit) -> bool:
        """A person's name that only describes: "een Obama-achtig momentje", "Poetin-aanhangers"."""
        m = re.match(r"-(\w+)", self.text[h.end:h.end + 30])
        return bool(m) and m.group(1).lower() in self.lex.name_describers

    def _describes_non_actor(self, h: Hit) -> bool:
        """A nationality describing a newspaper, an expert, a time ...; a compound like "Minsk-akkoorden"."""
        m = re.match(r"-(\w+)", self.text[h.end:h.end + 30])
        if m and m.group(1).lower() in self.lex.non_actor_nouns:
            return True
        # "Navo-bondgenoot Turkije", "EU-lidstaat Hongarije": the organisation only describes the state named
        if m and m.group(1).lower() in self.lex.member_nouns \
                and re.match(r"-\w+ [A-ZÀ-Þ]", self.text[h.end:h.end + 40]):
            return True
        if h.alias.kind not in ("adjective", "demonym"):
            return False
        after = words_after(self.text, h.end, 1)
        if after and after[0] in self.lex.non_actor_nouns:
            return True
        # "de Nederlandse Zuivel Organisatie", "het Russische TASS": part of another body's name
        nxt = re.match(r" (\w+)", self.text[h.end:h.end + 40])
        if nxt and nxt.group(1)[0].isupper() and fold(nxt.group(1)) not in self.lex.roles \
                and fold(nxt.group(1)) not in self.lex.titles:
            start = h.end + 1
            hit = next((x for x in self._hits if x.start == start), None)
            return hit is None or hit.alias.kind == MEDIA
        return False

    def _agent_follows(self, h: Hit) -> bool:
        """An ambiguous alias counts with an actor noun after it: "westerse landen", "westerse sancties";
        an ambiguous seat of power counts where it acts rather than where things happen: "Brussel wil ..."
        but not "in/naar/uit Brussel"."""
        if h.alias.kind == "metonym":
            before = words_before(self.text, h.start, 1)
            return not before or before[0] not in self.lex.place_prepositions
        if h.alias.kind not in ("adjective", "demonym"):
            return False
        return self._qualifies_actor(h)

    def _measure_target(self, h: Hit) -> bool:
        """Goods of a state hit by a measure make that state its target: "heffingen op Chinese producten",
        "importbelastingen heffen op enkele honderden Europese exportproducten", "sancties tegen Russische banken"."""
        clause = re.split(r"[.;:!?,\"“”„()]", fold(self.text[max(0, h.start - 80):h.start]))[-1]
        m = re.search(r"(\w+)\s+(?:(\w+)\s+)?(?:op|tegen)\s+(?:\w+\s+){0,3}$", clause)
        return bool(m) and any(w.endswith(n) for w in m.groups("") if w for n in self.lex.measure_nouns)

    def _qualifies_actor(self, h: Hit) -> bool:
        """A nationality adjective names its state as a party only where it qualifies an agent or an act of
        that state: "de Russische regering / delegatie / invasie / luchtaanvallen", "Qatarese en Egyptische
        bemiddelaars"; not goods, places or people it merely describes ("Nederlandse kaas, Franse wijn",
        "de Franse vliegtuigbouwer Airbus", "Oekraïense steden")."""
        if self._measure_target(h):
            return True
        nouns = self.lex.agent_nouns | self.lex.action_nouns
        for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]", fold(self.text[h.end:h.end + 80])):
            word = m.group()
            if word in nouns or word in self.lex.roles or word.split("-")[-1] in nouns:
                return True
            if any(word.endswith(n) and len(n) >= 4 and len(word) - len(n) >= 3 for n in nouns):
                return True  # "luchtaanvallen", "grondtroepen", "vredesplan"
            if word in ("en", "of", ",") or (word.endswith("e") and word.isalpha()):
                continue  # "Qatarese en Egyptische bemiddelaars", "de Russische militaire leiding"
            return False
        return False

    # -- roles
    def _roles(self, hits: list[Hit]) -> None:
        folded = fold(self.text)
        by_end = {h.end: h for h in hits}
        by_start = {h.start: h for h in hits}
        glued = {h.end: h for h in hits if h.end < len(self.text) and self.text[h.end].isalpha()}
        for m in self._role_matches(folded, glued):
            if folded[m.end():m.end() + 1] == "-":  # "chef-kok", "president-directeur"
                continue
            role = self.lex.role_of(m.group())
            inner = [h for h in hits if m.start() < h.start and h.end <= m.end() and h.alias.kind == "adjective"]
            if m.start() in glued:  # "Hamasleider", "Kremlinwoordvoerder"
                actor_hit: tuple[str, str] | None = self._hit_actor(glued[m.start()])
            elif inner:
                actor_hit = self._hit_actor(inner[0])
            else:
                actor_hit = self._role_actor(m.start(), m.end(), by_end, by_start, folded)
            if actor_hit is None:
                continue
            actor, via_text = actor_hit
            start = m.start()
            if role == "counterpart":  # "zijn Russische ambtsgenoot": same office as the person just named
                role = self._counterpart_role(start, actor) or role
            window = re.split(r"[.,;:!?\"“”„]", folded[m.end():m.end() + 80])[0]
            person = self._holder(actor, role, via_text, window)
            before = words_before(self.text, start, 3)
            if "een" in before[-2:] or self.lex.former & set(before[-2:]) \
                    or re.search(r"(?:oud|ex)-\S*$", self.text[max(0, start - 20):start]):
                person = None  # "een woordvoerder", "de voormalige president": not the present holder
            named = self._following_name(m.end())
            if named is not None:
                self._register_named(named, actor)
                continue
            self.add(start, m.end(), actor, person.name if person else None, "role", 0.85 if person else 0.8)
            if person:
                self.seen_people.add(person.name)

    def _role_matches(self, folded: str, glued: dict[int, Hit]) -> list[re.Match[str]]:
        """Role phrases on word boundaries, and role nouns glued to an actor name ("Hamasleider")."""
        found = list(self.lex.role_re.finditer(folded))
        for pos in glued:
            m = self.lex.role_glued.match(folded, pos)
            if m:
                found.append(m)
        return sorted(found, key=lambda m: m.start())

    def _counterpart_role(self, pos: int, actor: str) -> str | None:
        """The office of the last person named before ``pos`` (acting for another actor)."""
        here = self.sentence_of(pos)
        for m in sorted(self.mentions, key=lambda m: m.span.start, reverse=True):
            if m.span.start >= pos or not m.person or m.actor == actor or m.sentence < here - 1:
                continue
            person = self.kb.person(m.person)
            roles = [r.role for r in person.roles_at(self.date)] if person else []
            return next((r for r in roles if r in self.lex.unique_roles), None)
        return None

    def _role_actor(self, start: int, end: int, by_end: dict[int, Hit], by_start: dict[int, Hit],
                    folded: str) -> tuple[str, str] | None:
        # "Kremlin-woordvoerder", "VS-president"
        if start > 0 and self.text[start - 1] == "-" and (start - 1) in by_end:
            h = by_end[start - 1]
            if h.alias.kind != MEDIA:
                return self._hit_actor(h)
        # "de Russische (nieuwe) president"
        base = max(0, start - 40)
        prev = list(re.finditer(r"\S+", self.text[base:start]))[-2:]
        for w in reversed(prev):
            h = by_start.get(base + w.start())
            if h and h.end == base + w.end() and h.alias.kind in ("adjective", "demonym"):
                return self._hit_actor(h)
        # "de woordvoerder van het Kremlin", "de president van Rusland"
        mm = re.match(r"\s+van\s+(?:de\s+|het\s+)?(?:(?:president|premier|minister|koning|kanselier)\s+)?",
                      folded[end:end + 30])
        if mm:
            h = by_start.get(end + mm.end())
            if h and h.alias.kind in ("name", "metonym", "person", "adjective") \
                    and not (h.alias.kind == "adjective" and self._describes_non_actor(h)):
                # "van de Russische Doema", not "van de Nederlandse Zuivel Organisatie"
                return self._hit_actor(h)
        return None

    def _hit_actor(self, h: Hit) -> tuple[str, str]:
        if h.alias.kind == "person":  # "de stafchef van Zelensky": the office of that person names the seat
            p = self.kb.person(h.alias.person or "")
            offices = " ".join(r.role for r in p.roles_at(self.date)) if p else ""
            return (p.actor_at(self.date) if p else h.alias.actor), f"person:{offices}"
        return h.alias.actor, h.alias.text

    def _holder(self, actor: str, role: str, via: str, window: str = "") -> Person | None:
        by_person = via.startswith("person:")
        if by_person:
            via = via.removeprefix("person:")
        actor_obj = self.kb.actor(actor)
        if actor_obj and actor_obj.type != "state" and role in ("secretary_general", "leader", "commission_president"):
            role = self.lex.org_head_roles.get(actor, role)
        elif actor_obj and role == "leader":
            role = actor_obj.leader
        people = self.kb.holders(actor, role, self.date)
        via_f = fold(via)
        narrowed = [p for p in people if any(via_f and (via_f == fold(v) or fold(v) in via_f.split())
                                             or fold(v) in window for r in p.roles if r.role == role for v in r.via)]
        if len(narrowed) == 1:  # "Kremlin-woordvoerder": the spokesman of that seat
            return narrowed[0]
        if len(people) == 1 and role in self.lex.unique_roles and not by_person:
            return people[0]
        return None

    _PARTICLES = {"van", "von", "der", "den", "de", "du", "le", "la", "di", "da", "dos", "al", "el", "bin", "ben",
                  "abu", "ibn"}
    _WORDS = re.compile(r"[^\s,.;:!?()\"“”„]+(?:[ \t]+[^\s,.;:!?()\"“”„]+){0,4}")

    def _following_name(self, pos: int) -> tuple[int, int] | None:
        """A capitalised name right after a role phrase: "de Oekraïense onderhandelaar Davyd X",
        "De Turkse minister van Buitenlandse Zaken, Hakan Fidan, leidde ..."."""
        lead = re.match(r",?[ \t]+", self.text[pos:pos + 4])
        if not lead:
            return None
        start = pos + lead.end()
        seq = self._WORDS.match(self.text, start)
        if not seq:
            return None
        words: list[re.Match[str]] = []
        for w in re.finditer(r"\S+", seq.group()):
            low = w.group().lower()
            upper = [x for x in words if x.group()[0].isupper()]
            if w.group()[0].isupper():
                words.append(w)
            elif len(upper) == 1 and (low in self._PARTICLES or low.startswith("al-")):  # "David van Weel"
                words.append(w)
            else:
                break
        while words and not words[-1].group()[0].isupper():
            words.pop()
        if not words or fold(words[0].group()) in self.lex.titles or fold(words[0].group()) in self.lex.roles:
            return None
        return start, start + words[-1].end()

    def _register_named(self, span: tuple[int, int], actor: str) -> None:
        """Unknown name after a role: it becomes a person of ``actor``; KB names are kept as found."""
        start, end = span
        if any(m.span.start < end and start < m.span.end for m in self.mentions):
            return  # a KB name (or part of one) is already there
        name = self.text[start:end]
        alias = self.gaz.lookup(strip_accents(name))  # an ambiguous surname made clear by the role
        known = self.kb.person(alias.person or "") if alias and alias.kind == "person" else self.gaz.fuzzy_person(name)
        if known is not None and known.actor_at(self.date) == actor:  # "Vladimir Medinskiy"
            self.add(start, end, actor, known.name, "name", 0.8)
            self.seen_people.add(known.name)
            return
        self.add(start, end, actor, name, "role", 0.75)
        surname = name.split()[-1]
        if len(name.split()) > 1 and len(surname) > 2:
            self.local_people[surname] = (name, actor)

    # -- Frog entities and local names
    def _frog_people(self) -> None:
        covered = [(m.span.start, m.span.end) for m in self.mentions]
        for s in self.a.sentences:
            toks = s.tokens
            i = 0
            while i < len(toks):
                t = toks[i]
                local = self.local_people.get(t.text)
                if local and not any(a <= t.start < b for a, b in covered):
                    self.add(t.start, t.end, local[1], local[0], "coref", 0.7)
                    i += 1
                    continue
                if s.parsed and t.ner == "B-PER":
                    j = i + 1
                    while j < len(toks) and toks[j].ner == "I-PER":
                        j += 1
                    span = [x for x in toks[i:j] if x.text[:1].isupper()]  # "vrouw Jill" -> "Jill"
                    i = j
                    if not span or len(span[-1].text) < 2:
                        continue
                    start, end = span[0].start, span[-1].end
                    if any(a < end and start < b for a, b in covered):
                        continue
                    known = self.gaz.fuzzy_person(self.text[start:end])
                    if known is not None:
                        self.add(start, end, known.actor_at(self.date), known.name, "name", 0.8)
                    else:
                        self.add(start, end, None, self.text[start:end], "name", 0.4, participant=False)
                    continue
                i += 1

    # -- coreference
    def _coref(self) -> None:
        """A pronoun or "de president" just after a named person refers to that person."""
        people = sorted((m for m in self.mentions if m.person and m.actor), key=lambda m: m.span.start)
        if not people or not self.a.sentences:
            return
        chain: dict[str, Mention] = {}  # role noun -> the last "de <noun>" resolved
        for s in self.a.sentences:
            here = {m.person for m in people if m.sentence == s.index}
            for t in s.tokens:
                low = t.text.lower()
                initial = t.i == 0 or s.tokens[t.i - 1].text in {",", '"', "“", "„"}
                if low in self.lex.pronouns and (initial or low == "hij"):  # "hij" anywhere: "meldde hij"
                    nxt = s.tokens[t.i + 1].text.lower() if t.i + 1 < len(s.tokens) else ""
                    if low != "hij" and (nxt.endswith("en") or nxt in ("zijn", "waren")):
                        continue  # plural "zij zijn", "zij willen"
                    gender = "m" if low == "hij" else "f"
                    prev = [m for m in people if s.index - 1 <= m.sentence <= s.index and m.span.start < t.start
                            and self._gender(m) == gender]
                    if len({m.person for m in prev}) == 1:
                        ref = prev[-1]
                        self.add(t.start, t.end, ref.actor, ref.person, "pronoun", 0.6)
                elif low in self.lex.coref_roles and t.i > 0 and s.tokens[t.i - 1].text.lower() == "de":
                    if any(m.span.start <= t.start < m.span.end for m in self.mentions):
                        continue
                    nxt = s.tokens[t.i + 1].text if t.i + 1 < len(s.tokens) else ""
                    if nxt[:1].isupper() or nxt.lower() == "van":
                        continue
                    prev = [m for m in people if s.index - 3 <= m.sentence < s.index and m.person not in here
                            and self._has_role(m, low)]
                    last = chain.get(low)
                    if last is not None and s.index - last.sentence <= 3 and last.person not in here:
                        ref = last
                    elif prev:
                        ref = prev[-1]
                    else:
                        continue
                    chain[low] = self.add(s.tokens[t.i - 1].start, t.end, ref.actor, ref.person, "coref", 0.6)

    def _gender(self, m: Mention) -> str:
        p = self.kb.person(m.person or "")
        return p.gender if p else "m"

    def _has_role(self, m: Mention, noun: str) -> bool:
        p = self.kb.person(m.person or "")
        key = self.lex.roles.get(noun)
        if p is None:
            return key is None
        if noun == "minister":
            return any(r.role.endswith("minister") for r in p.roles_at(self.date))
        if key is None:  # leider, onderhandelaar: any office
            return bool(p.roles_at(self.date))
        return any(r.role == key for r in p.roles_at(self.date))

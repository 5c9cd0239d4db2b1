"""The Guard: detect → decide → transform for one text, failing closed."""

from __future__ import annotations

import os
import re
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timezone
from functools import partial

from phiguard.audit import AuditRecord, AuditSink, JsonLinesAudit
from phiguard.decide import decide
from phiguard.detect import Recognizer, build_recognizers, detect_many
from phiguard.detect.cjk import CjkRecognizer
from phiguard.detect.transliterated import names_beside
from phiguard.detect.view import detection_view, to_original, to_view
from phiguard.errors import (
    ConfigError,
    InputError,
    ModelError,
    PHIBlocked,
    failing_closed,
)
from phiguard.findings import Finding, Redaction
from phiguard.policy import PROFILES, Policy, load_config
from phiguard.session import DEFAULT_TTL, Session
from phiguard.store import SessionStore
from phiguard.titles import LEADING_TITLE
from phiguard.transform import Context, apply, hash_value, originals, render

__all__ = ["Guard", "redact", "scan"]


class Guard:
    """Finds and redacts PHI in text.

    ``Guard()`` uses the default profile: patterns, structure, name lexicons
    and context, and the spaCy NER model. ``Guard(profile="fast")`` leaves the
    NER model out: it loads in a fraction of the time and scans several times
    faster, and gives up names that only the model sees (a lone surname with
    no title, cue or first name beside it, unusual names in no word list),
    so its NAME recall is lower (see docs/accuracy.md).

    Recognizers compile and models load once, here (raising
    :class:`ModelError` if one is missing); a Guard is then safe to share
    between threads (it holds no per-call state).

    >>> guard = Guard()
    >>> guard.redact("MRN 00412387, CT from 3/4/24").text
    'MRN [MRN], CT from [DATE]'
    """

    __slots__ = (
        "_allow",
        "_audit",
        "_audit_key",
        "_context",
        "_deny",
        "_recognizers",
        "policy",
        "profile",
        "store",
    )

    def __init__(
        self,
        profile: str = "default",
        *,
        policy: Policy | None = None,
        audit: AuditSink | str | os.PathLike[str] | None = None,
        store: SessionStore | None = None,
        recognizers: Iterable[object] = (),
    ) -> None:
        if profile not in PROFILES:
            raise ConfigError(f"profile: expected one of {', '.join(PROFILES)}")
        if policy is not None and not isinstance(policy, Policy):
            raise ConfigError("policy: expected a phiguard.Policy")
        self.profile = profile
        self.policy = policy or Policy()
        try:
            self._recognizers: tuple[Recognizer, ...] = build_recognizers(
                profile, name_threshold=self.policy.thresholds.get("NAME", self.policy.threshold)
            )
        except Exception as exc:
            raise ModelError(
                f"could not load the {profile} profile's models ({type(exc).__name__}); "
                "reinstall phiguard"
            ) from exc
        self._recognizers += _extra_recognizers(recognizers)
        policy = self.policy
        self._deny = [
            (label, re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE))
            for label, words in policy.deny.items()
            for word in words
        ] + [
            (label, re.compile(pattern))
            for label, patterns in policy.deny_patterns.items()
            for pattern in patterns
        ]
        self._allow = [re.compile(pattern) for pattern in policy.allow_patterns]
        if audit is not None and not callable(audit):
            if not isinstance(audit, (str, os.PathLike)):
                raise ConfigError("audit: expected a callable or a file path")
            audit = JsonLinesAudit(audit)
        self._audit: AuditSink | None = audit
        if store is not None and not isinstance(store, SessionStore):
            raise ConfigError("store: expected a phiguard.store.SessionStore")
        #: Where this Guard's sessions keep their maps (``None``: in memory).
        self.store = store
        self._audit_key = policy.hash_key or secrets.token_bytes(32)
        # date shift and surrogates outside a session: one draw per Guard
        self._context = Context.random()

    @classmethod
    def from_config(cls, path: str | os.PathLike[str]) -> Guard:
        """A Guard from a TOML config file (see :func:`phiguard.policy.load_config`).

        Raises :class:`ConfigError` naming the file and the key path of any
        bad value.
        """
        config = load_config(path)
        store = None
        if config.store is not None:
            from phiguard.store import SqliteSessionStore

            store = SqliteSessionStore(config.store[0], key=config.store[1])
        return cls(config.profile, policy=config.policy, audit=config.audit, store=store)

    def __repr__(self) -> str:
        return f"Guard(profile={self.profile!r})"

    def scan(self, text: str) -> list[Finding]:
        """Return the PHI findings in ``text``: sorted, non-overlapping.

        Raises :class:`InputError` if ``text`` is not a ``str`` and
        :class:`DetectionError` if any stage fails.
        """
        _check_text(text)
        return self._scan_batch([text], batch_size=1, n_process=1)[0]

    def redact(self, text: str) -> Redaction:
        """Return ``text`` with every finding replaced as the policy says
        (a typed placeholder by default).

        Raises like :meth:`scan`, and :class:`PHIBlocked` if the policy
        blocks a label found; never returns the input unredacted on error.
        """
        return self._redact(text, self.scan(text))

    def session(
        self,
        session_id: str | None = None,
        *,
        link_names: bool = True,
        ttl: float | None = DEFAULT_TTL,
        store: SessionStore | None = None,
    ) -> Session:
        """A :class:`~phiguard.Session`: one conversation's placeholders.

        With a ``store`` (:class:`phiguard.store.SqliteSessionStore`; the
        Guard's own ``store`` by default), the same ``session_id`` continues
        the conversation in any process.

        >>> session = Guard("fast").session()
        >>> redacted = session.redact("MRN 00412387 for Dr. Okafor").text
        >>> session.restore(redacted)
        'MRN 00412387 for Dr. Okafor'
        """
        if not isinstance(link_names, bool):
            raise ConfigError("link_names: expected True or False")
        return Session(
            self,
            link_names=link_names,
            ttl=ttl,
            store=store if store is not None else self.store,
            session_id=session_id,
        )

    def scan_many(
        self, texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1
    ) -> list[list[Finding]]:
        """Return the findings of each text, in order; see :meth:`scan`.

        Texts go through the detectors ``batch_size`` at a time, and the NER
        model reads each batch's windows in one pass, which is faster per
        text than :meth:`scan` in a loop. ``n_process`` > 1 runs the model
        in that many worker processes (spaCy's ``nlp.pipe``, which reads
        the same entities more slowly: on asq_phi.dev's 517 texts, 0.65 s
        with two processes against 0.22 s with one); it can pay off only
        for very large batches of long texts. ``texts`` may be any iterable (a generator
        is consumed once); raises :class:`InputError` at the first item that
        is not a ``str``, before any text is scanned.
        """
        return self._scan_checked(_check_texts(texts), batch_size, n_process)

    def redact_many(
        self, texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1
    ) -> list[Redaction]:
        """Return the redaction of each text, in order; see :meth:`scan_many`."""
        items = _check_texts(texts)
        found = self._scan_checked(items, batch_size, n_process)
        return [self._redact(text, findings) for text, findings in zip(items, found)]

    def _scan_checked(
        self, items: list[str], batch_size: object, n_process: object
    ) -> list[list[Finding]]:
        """:meth:`scan_many` of texts already checked to be ``str``."""
        size = _check_count("batch_size", batch_size)
        processes = _check_count("n_process", n_process)
        results: list[list[Finding]] = []
        for first in range(0, len(items), size):
            batch = items[first : first + size]
            results.extend(self._scan_batch(batch, batch_size=size, n_process=processes))
        return results

    def _scan_batch(
        self, texts: list[str], *, batch_size: int, n_process: int
    ) -> list[list[Finding]]:
        with failing_closed("detect"):
            # recognizers read each text's detection view (invisible and
            # look-alike characters folded); findings map back afterwards
            views = [detection_view(text) for text in texts]
            seen = [view for view, _ in views]
            proposals = detect_many(
                seen, self._recognizers, batch_size=batch_size, n_process=n_process
            )
            # Chinese, Japanese and Korean, which the view blanks, are read
            # in the original text
            for found, text, (view, origin) in zip(proposals, texts, views):
                if origin is not None:  # (ASCII text is its own view: no CJK in it)
                    found.extend(_moved(view, _CJK.find(text), partial(to_view, origin)))
            if self._deny:
                for text, found in zip(seen, proposals):
                    found.extend(self._denied(text))
        with failing_closed("decide"):
            if self.policy.allow or self._allow:
                proposals = [[f for f in found if not self._allowed(f)] for found in proposals]
            decided = [
                decide(
                    text,
                    found,
                    threshold=self.policy.threshold,
                    thresholds=self.policy.thresholds,
                    labels=self.policy.labels,
                )
                for text, found in zip(seen, proposals)
            ]
            # a name in another script in brackets beside a name found
            # (Lee Ji-hoon (이지훈)): read in the original text, as the CJK
            return [
                names_beside(
                    text,
                    found if origin is None else _moved(text, found, partial(to_original, origin)),
                )
                for text, (_, origin), found in zip(texts, views, decided)
            ]

    def _denied(self, text: str) -> list[Finding]:
        return [
            Finding(m.start(), m.end(), label, 1.0, m.group(), "deny_v1")
            for label, pattern in self._deny
            for m in pattern.finditer(text)
            if m.end() > m.start()
        ]

    def _allowed(self, finding: Finding) -> bool:
        value = finding.text
        # "Dr. Okafor" is allowed by an allowed "Okafor"
        bare = LEADING_TITLE.sub("", value) if finding.label == "NAME" else value
        allow = self.policy.allow
        return (
            value.casefold() in allow
            or bare.casefold() in allow
            or any(pattern.fullmatch(value) or pattern.fullmatch(bare) for pattern in self._allow)
        )

    def _originals(self, findings: list[Finding]) -> frozenset[str]:
        """What a surrogate must not be (:func:`phiguard.transform.originals`):
        gathered only when the policy draws surrogates."""
        if not self.policy.uses("surrogate"):
            return frozenset()
        return originals(f.text for f in findings)

    def _check_blocked(self, findings: list[Finding], session: str | None = None) -> None:
        blocked = {f.label for f in findings if self.policy.operator(f.label) == "block"}
        if blocked:
            self._record(findings, session, blocked=True)
            raise PHIBlocked(frozenset(blocked))

    def _record(self, findings: list[Finding], session: str | None, blocked: bool = False) -> None:
        """Send one audit record per finding to the sink, if there is one."""
        if self._audit is None or not findings:
            return
        now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        with failing_closed("audit"):
            for f in findings:
                self._audit(
                    AuditRecord(
                        time=now,
                        session=session,
                        label=f.label,
                        start=f.start,
                        end=f.end,
                        recognizer=f.source,
                        score=f.score,
                        operator="block" if blocked else self.policy.operator(f.label),
                        value_hash=hash_value(f.label, f.text, self._audit_key),
                    )
                )

    def _redact(self, text: str, findings: list[Finding]) -> Redaction:
        self._check_blocked(findings)
        policy = self.policy
        with failing_closed("transform"):
            avoid = self._originals(findings)
            redacted = render(
                text,
                findings,
                lambda f: apply(
                    policy.operator(f.label),
                    f,
                    key=policy.hash_key,
                    context=self._context,
                    avoid=avoid,
                ),
            )
        self._record(findings, None)
        return Redaction(redacted, tuple(findings))


def _extra_recognizers(recognizers: object) -> tuple[Recognizer, ...]:
    """``Guard(recognizers=...)``: phiguard recognizers as they are, Presidio
    ``EntityRecognizer``s wrapped (see :mod:`phiguard.presidio`)."""
    if isinstance(recognizers, (str, bytes)) or not isinstance(recognizers, Iterable):
        raise ConfigError("recognizers: expected a list of recognizers")
    extra: list[Recognizer] = []
    for recognizer in recognizers:
        if callable(getattr(recognizer, "find", None)) and isinstance(
            getattr(recognizer, "name", None), str
        ):
            extra.append(recognizer)
        else:
            from phiguard.presidio import from_presidio

            extra.append(from_presidio(recognizer))
    return tuple(extra)


_CJK = CjkRecognizer()


def _moved(
    onto: str, findings: Iterable[Finding], span: Callable[[int, int], tuple[int, int]]
) -> list[Finding]:
    """Findings moved onto the text ``onto`` (a detection view or the
    original), ``span`` mapping each one's offsets there."""
    moved = []
    for finding in findings:
        start, end = span(finding.start, finding.end)
        moved.append(replace(finding, start=start, end=end, text=onto[start:end]))
    return moved


def _check_texts(texts: object) -> list[str]:
    if isinstance(texts, str):
        raise InputError("expected an iterable of str, got a str")
    try:
        items: list[object] = list(texts)  # type: ignore[call-overload]
    except TypeError:
        raise InputError(f"expected an iterable of str, got {type(texts).__name__}") from None
    checked: list[str] = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise InputError(f"texts[{index}]: expected str, got {type(item).__name__}")
        checked.append(item)
    return checked


def _check_count(key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{key}: expected a whole number of at least 1")
    return value


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise InputError(f"expected str, got {type(text).__name__}")


_default_guard: Guard | None = None
_default_lock = threading.Lock()


def _shared_guard() -> Guard:
    global _default_guard
    if _default_guard is None:
        with _default_lock:
            if _default_guard is None:
                _default_guard = Guard()
    return _default_guard


def scan(text: str) -> list[Finding]:
    """:meth:`Guard.scan` with a shared default Guard, built on first use."""
    return _shared_guard().scan(text)


def redact(text: str) -> Redaction:
    """:meth:`Guard.redact` with a shared default Guard, built on first use.

    >>> redact("DOB: 03/04/1952").text
    'DOB: [DATE]'
    """
    return _shared_guard().redact(text)

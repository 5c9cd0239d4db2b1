"""The fuzz property of redact and restore, shared by Hypothesis and atheris."""

from __future__ import annotations

import phiguard

_GUARD = phiguard.Guard("fast")


def check_redact_restore(text: str) -> None:
    """Redact ``text`` in a session and restore it; raise AssertionError if a
    promise breaks. Any exception other than a phiguard error is a bug."""
    # Without name linking, restore is the exact inverse of redact (with it,
    # restore gives every form of a person the fullest form seen).
    session = _GUARD.session(link_names=False)
    redaction = session.redact(text)
    for finding in redaction.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    # the placeholders restore exactly the text that was redacted
    assert session.restore(redaction.text) == text
    # streamed, split into two chunks anywhere, the same
    cut = len(redaction.text) // 2
    chunks = [redaction.text[:cut], redaction.text[cut:]]
    assert "".join(session.restore_stream(chunks)) == text
    # another conversation restores none of it
    other = _GUARD.session()
    assert other.restore(redaction.text) == redaction.text
    # with linking, every placeholder of the session is still restored
    linked = _GUARD.session()
    restored = linked.restore(linked.redact(text).text)
    assert f"_{linked.tag}]" not in restored or f"_{linked.tag}]" in text
    # and text the provider invents is restored without error
    session.restore(text)

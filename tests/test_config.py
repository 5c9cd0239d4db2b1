"""Guard.from_config: TOML config files, validated with the key path named."""

from __future__ import annotations

import json
import pathlib

import pytest

import phiguard

GOOD = """
profile = "fast"
preset = "strict"
threshold = 0.4
[thresholds]
NAME = 0.45
[operators]
AGE = "age90"
DATE = "hash"
[allow]
words = ["Mercy"]
patterns = ['RB\\d{8}']
[deny.ID]
words = ["Project Falcon"]
patterns = ['PRJ-\\d{4}']
[hash]
key_env = "PHIGUARD_TEST_HASH_KEY"
"""


def _write(tmp_path: pathlib.Path, text: str) -> pathlib.Path:
    path = tmp_path / "phiguard.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_config_file_sets_profile_and_policy(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHIGUARD_TEST_HASH_KEY", "a-secret-from-the-environment")
    guard = phiguard.Guard.from_config(_write(tmp_path, GOOD))
    policy = guard.policy
    assert guard.profile == "fast"
    assert policy.threshold == 0.4 and policy.threshold_for("NAME") == 0.45
    # the preset's operators stay unless the file overrides them
    assert policy.operator("MRN") == "block" and policy.operator("AGE") == "age90"
    assert policy.hash_key == b"a-secret-from-the-environment"
    text = guard.redact("A 93 yo on project falcon (PRJ-0042), acc RB24030417, seen 3/4/24").text
    assert text.startswith("A 90+ yo on [ID] ([ID]), acc RB24030417, seen [DATE_")
    with pytest.raises(phiguard.PHIBlocked):
        guard.redact("MRN 00412387")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('profile = "turbo"', r"profile: expected one of default, fast"),
        ("threshold = 2", r"threshold: expected a number between 0 and 1"),
        ("[thresholds]\nNAME = 'high'", r"thresholds\.NAME: expected a number"),
        ("[operators]\nSSN = 'blok'", r"operators\.SSN: unknown operator 'blok'"),
        ("[allow]\nwords = 'Mercy'", r"allow\.words: expected a list"),
        ("[allow]\nphrases = []", r"allow\.phrases: unknown key"),
        ("[deny.NAMES]\nwords = ['x']", r"deny\.NAMES: unknown label"),
        ("[deny.ID]\npatterns = ['(open']", r"deny_patterns\.ID\[0\]: not a valid regular"),
        ("[operators]\nMRN = 'hash'", r"hash\.key: the hash operator needs a key"),
        ("[hash]\nkey_env = 'PHIGUARD_TEST_UNSET_VARIABLE'", r"hash\.key_env: .* not set"),
        ("colour = 'blue'", r"colour: unknown key"),
        ('preset = "lenient"', r"preset: expected one of default, strict"),
        ("threshold = ", r"not valid TOML"),
    ],
)
def test_bad_config_names_the_file_and_key(tmp_path: pathlib.Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(phiguard.ConfigError, match=message) as caught:
        phiguard.Guard.from_config(path)
    assert str(caught.value).startswith(str(path))


def test_a_missing_file_is_a_config_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(phiguard.ConfigError, match="no such file"):
        phiguard.Guard.from_config(tmp_path / "absent.toml")


def test_a_key_in_the_file_is_never_shown(tmp_path: pathlib.Path) -> None:
    path = _write(tmp_path, '[operators]\nMRN = "hash"\n[hash]\nkey = "file-secret-123"\n')
    guard = phiguard.Guard.from_config(path)
    assert "file-secret-123" not in repr(guard.policy) + repr(guard)


def test_a_config_file_can_name_a_shared_session_store(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHIGUARD_TEST_STORE_KEY", "store-secret-from-the-environment")
    text = (
        'profile = "fast"\n[store]\n'
        f'path = {json.dumps(str(tmp_path / "s.db"))}\nkey_env = "PHIGUARD_TEST_STORE_KEY"\n'
    )
    path = _write(tmp_path, text)
    worker_a, worker_b = phiguard.Guard.from_config(path), phiguard.Guard.from_config(path)
    answer = worker_a.session("conv-9").redact("MRN 00412387").text
    assert worker_b.session("conv-9").restore(answer) == "MRN 00412387"
    assert "store-secret" not in repr(worker_a.store)


@pytest.mark.parametrize(
    "text",
    ["[store]\npath = 's.db'", "[store]\nkey = 'a-long-enough-key-here'", "[store]\nurl = 'x'"],
)
def test_an_incomplete_store_table_is_named(tmp_path: pathlib.Path, text: str) -> None:
    with pytest.raises(phiguard.ConfigError, match="store"):
        phiguard.Guard.from_config(_write(tmp_path, text))

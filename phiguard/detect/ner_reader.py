"""The NER component's forward pass and greedy decoding, in numpy.

spaCy runs ``en_core_web_sm``'s ``ner`` through thinc's layer machinery and
its transition-based parser. On the short windows the name tier asks about
(a dozen tokens), nearly all of that time is fixed cost: some twenty thinc
layers called one by one, and a parser step per token that checks all 74
moves through locked C++ accessors and frees its state machine afterwards.
About 2.2 ms for a 13-token window, of which the arithmetic is a small part.

:class:`Reader` does the same arithmetic with the same weights, in the
same order and with the same kernels (thinc's hash, gather and window
functions, numpy's matrix products as :mod:`phiguard.detect.ner` gives the
component, BLIS for the parser's output layer as spaCy calls it), so it
reads the same entities: ``tests/detect/test_ner_reader.py`` compares it
with spaCy's pipeline, every entity of every label, on every corpus text.
It decodes greedily as spaCy does, move by move, but knows which moves the
BILUO system allows without asking each one: with no entity open, a token
may begin one (not the last token nor whitespace), be one (not
whitespace) or be outside; inside one, it may go on (not the last token)
or end it. So the scores of every token with no entity open come from one
matrix product, and only tokens inside an entity, which are few, cost a
step of their own.

:meth:`Reader.check` refuses a component whose architecture is not the
one described here (another model version, another spaCy); the caller then
keeps spaCy's own pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy

__all__ = ["Reader", "UnsupportedModel"]

#: The component's architecture, as its config states it (the parts read here).
_EXPECTED = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "use_upper": True,
}
_EMBED = {"@architectures": "spacy.MultiHashEmbed.v2", "include_static_vectors": False}
_ENCODE = {"@architectures": "spacy.MaxoutWindowEncoder.v2", "window_size": 1}
_COLUMNS = ("NORM", "PREFIX", "SUFFIX", "SHAPE")
#: The three state features of the NER system: the first buffer token, the
#: first token of the open entity, and the token before the buffer.
_FEATURES = 3

Ents = list[tuple[int, int, str]]


class UnsupportedModel(ValueError):
    """The component is not built as this reader expects."""


class Reader:
    """Entities of docs, read as spaCy's ``ner`` component reads them."""

    def __init__(self, nlp: Any) -> None:
        from blis.py import gemm  # type: ignore[import-untyped]
        from thinc.api import NumpyOps

        ner = nlp.get_pipe("ner")
        self.check(nlp.config["components"]["ner"]["model"])
        self._ops = NumpyOps()
        self._gemm = gemm  # the parser's output layer multiplies with BLIS
        model = ner.model
        tok2vec, lower, upper = model.layers[0], model.layers[1], model.layers[-1]
        nodes = list(tok2vec.walk())
        embeds = [n for n in nodes if n.name == "hashembed"]
        maxouts = [n for n in nodes if n.name == "maxout"]
        norms = [n for n in nodes if n.name == "layernorm"]
        linears = [n for n in nodes if n.name == "linear"]
        windows = [n for n in nodes if n.name == "expand_window"]
        padded = [n for n in nodes if n.name.startswith("with_array(residual")]
        if (
            len(embeds) != len(_COLUMNS)
            or [n.attrs["column"] for n in embeds] != list(range(len(_COLUMNS)))
            or len(maxouts) != len(norms)
            or len(maxouts) != len(windows) + 1
            or len(linears) != 1
            or len(padded) != 1
            or any(n.attrs["window_size"] != 1 for n in windows)
            or lower.name != "precomputable_affine"
            or lower.get_dim("nF") != _FEATURES
            or upper.name != "linear"
            or not model.attrs.get("has_upper")
            or model.attrs.get("unseen_classes")
        ):
            raise UnsupportedModel("the ner component's layers are not as expected")
        self._embeds = [(n.get_param("E"), int(n.attrs["seed"])) for n in embeds]
        self._maxouts = [
            (n.get_param("W").reshape(-1, n.get_dim("nI")), n.get_param("b").reshape(-1))
            for n in maxouts
        ]
        self._pieces = [n.get_dim("nP") for n in maxouts]
        self._norms = [(n.get_param("G"), n.get_param("b")) for n in norms]
        self._pad = int(padded[0].attrs["pad"])
        self._linear = (linears[0].get_param("W"), linears[0].get_param("b"))
        n_out, n_pieces, n_in = lower.get_dim("nO"), lower.get_dim("nP"), lower.get_dim("nI")
        self._lower = lower.get_param("W").reshape(_FEATURES * n_out * n_pieces, n_in)
        self._lower_pad = lower.get_param("pad").reshape(_FEATURES, n_out * n_pieces)
        self._lower_bias = lower.get_param("b").reshape(-1)
        self._hidden_pieces = n_pieces
        self._upper = (upper.get_param("W"), upper.get_param("b"))
        self._moves(ner.moves)

    @staticmethod
    def check(config: Any) -> None:
        """Raise :class:`UnsupportedModel` unless ``config`` (the component's
        ``model`` section) is the architecture this reader implements."""
        embed = config.get("tok2vec", {}).get("embed", {})
        encode = config.get("tok2vec", {}).get("encode", {})
        if (
            any(config.get(key) != value for key, value in _EXPECTED.items())
            or config.get("tok2vec", {}).get("@architectures") != "spacy.Tok2Vec.v2"
            or any(embed.get(key) != value for key, value in _EMBED.items())
            or tuple(embed.get("attrs", ())) != _COLUMNS
            or any(encode.get(key) != value for key, value in _ENCODE.items())
        ):
            raise UnsupportedModel("the ner component's architecture is not as expected")

    def _moves(self, moves: Any) -> None:
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        labels = sorted({name[2:] for name in names if name[:2] in ("B-", "U-") and name[2:]})
        index = {name: i for i, name in enumerate(names)}
        try:
            self._out = index["O"]
            self._begin = {label: index[f"B-{label}"] for label in labels}
            self._in = {label: index[f"I-{label}"] for label in labels}
            self._last = {label: index[f"L-{label}"] for label in labels}
            self._unit = {label: index[f"U-{label}"] for label in labels}
        except KeyError as exc:
            raise UnsupportedModel("the ner component's moves are not BILUO") from exc
        known = {self._out, *self._begin.values(), *self._in.values()}
        known |= {*self._last.values(), *self._unit.values()}
        # what else there is ("U-", a unit without a label) is never valid
        if any(name != "U-" for i, name in enumerate(names) if i not in known):
            raise UnsupportedModel("the ner component has moves this reader does not know")
        self._n_moves = len(names)
        #: the label a move that opens an entity (begin or unit) gives it
        self._label_of = {self._begin[label]: label for label in labels}
        self._label_of |= {self._unit[label]: label for label in labels}
        # moves a token with no entity open may take: begin (not on the last
        # token, nor on whitespace), unit (not on whitespace) and out
        self._begins = numpy.zeros(self._n_moves, dtype=bool)
        self._begins[list(self._begin.values())] = True
        self._units = numpy.zeros(self._n_moves, dtype=bool)
        self._units[list(self._unit.values())] = True

    def ents(self, docs: Sequence[Any]) -> list[Ents]:
        """The entities of each doc (docs fresh from the tokenizer), as
        (start token, end token, label), in order."""
        lengths = [len(doc) for doc in docs]
        total = sum(lengths)
        if total == 0:
            return [[] for _ in docs]
        columns = [doc.to_array(list(_COLUMNS)) for doc in docs]
        flags = [doc.to_array(["IS_SPACE", "SENT_START", "ENT_IOB"]) for doc in docs]
        if any(len(f) and f[:, 2].any() for f in flags):
            raise UnsupportedModel("docs with preset entities")
        cached = self._precompute(self._encode(numpy.concatenate(columns), lengths))
        closed = self._closed_moves(cached, numpy.concatenate(flags), lengths)
        found: list[Ents] = []
        offset = 0
        for length, flag in zip(lengths, flags):
            found.append(self._decode(cached, closed, offset, length, flag[:, 1]))
            offset += length
        return found

    # -- the forward pass ---------------------------------------------------

    def _encode(self, ids: Any, lengths: list[int]) -> Any:
        """Token vectors (tok2vec, then the parser's own linear layer)."""
        ops = self._ops
        keys = [ids[:, column].copy() for column in range(len(_COLUMNS))]
        embedded = numpy.hstack(
            [
                ops.gather_add(table, ops.hash(column, seed) % table.shape[0])
                for (table, seed), column in zip(self._embeds, keys)
            ]
        )
        x = self._maxout_norm(embedded, 0)
        # the encoder reads each doc with ``pad`` zero rows either side
        pad = self._pad
        rows = []
        start = 0
        zeros = numpy.zeros((pad, x.shape[1]), dtype=x.dtype)
        for length in lengths:
            rows += [zeros, x[start : start + length]]
            start += length
        rows.append(zeros)
        flat = numpy.concatenate(rows)
        for layer in range(1, len(self._maxouts)):
            flat = flat + self._maxout_norm(ops.seq2col(flat, 1), layer)
        kept = []
        start = pad
        for length in lengths:
            kept.append(flat[start : start + length])
            start += length + pad
        tokens = numpy.concatenate(kept)
        weights, bias = self._linear
        out = numpy.matmul(tokens, weights.T)
        out += bias
        return out

    def _maxout_norm(self, x: Any, layer: int) -> Any:
        weights, bias = self._maxouts[layer]
        y = numpy.matmul(x, weights.T)
        y += bias
        best = _maxout(y, self._pieces[layer])
        mu = best.mean(axis=1, keepdims=True)
        var = best.var(axis=1, keepdims=True) + 1e-08
        scaled = (best - mu) * var ** (-1.0 / 2.0)
        gain, shift = self._norms[layer]
        out = scaled * gain
        out += shift
        return out

    def _precompute(self, tokens: Any) -> Any:
        """Each token's contribution to each state feature; row 0 is padding."""
        n_hidden = self._lower.shape[0] // _FEATURES
        cached = numpy.empty((tokens.shape[0] + 1, self._lower.shape[0]), dtype="float32")
        numpy.matmul(tokens, self._lower.T, out=cached[1:])
        cached = cached.reshape(-1, _FEATURES, n_hidden)
        cached[0] = self._lower_pad
        return cached

    def _scores(self, hidden: Any) -> Any:
        """The move scores of states (rows of summed features)."""
        hidden = hidden + self._lower_bias
        best = _maxout(hidden, self._hidden_pieces)
        weights, bias = self._upper
        scores = self._gemm(best, weights, trans2=True, beta=0.0)
        scores += bias
        return scores

    def _closed_moves(self, cached: Any, flags: Any, lengths: list[int]) -> Any:
        """The move each token takes if no entity is open at it."""
        first = cached[1:, 0] + cached[0, 1]
        first += cached[0, 2]
        scores = self._scores(first)
        space = flags[:, 0].astype(bool)
        # B_(1): the next token of the same doc; none after a doc's last token
        last = numpy.zeros(len(flags), dtype=bool)
        starts = numpy.zeros(len(flags), dtype=bool)
        end = 0
        for length in lengths:
            end += length
            last[end - 1] = True
        starts[:-1] = flags[1:, 1] == 1
        starts[last] = False
        valid = numpy.zeros(scores.shape, dtype=bool)
        valid[:, self._out] = True
        valid[~space] |= self._units
        valid[~space & ~last & ~starts] |= self._begins
        return numpy.where(valid, scores, -numpy.inf).argmax(axis=1)

    def _decode(self, cached: Any, closed: Any, offset: int, length: int, starts: Any) -> Ents:
        """Greedy decoding of one doc, as spaCy's parser does it."""
        ents: Ents = []
        entity = -1  # start of the open entity
        label = ""
        for b in range(length):
            if entity < 0:
                move = int(closed[offset + b])
                if move == self._out:
                    continue
                label = self._label_of[move]
                if move == self._unit[label]:
                    ents.append((b, b + 1, label))
                else:
                    entity = b
                continue
            row = offset + b
            summed = cached[row + 1, 0] + cached[offset + entity + 1, 1]
            summed += cached[row, 2]
            scores = self._scores(summed[None, :])[0]
            go_on = self._in[label]
            end = self._last[label]
            # "in" needs a next token that starts no sentence; the first
            # best of the valid moves, by index, wins
            can_go_on = b + 1 < length and starts[b + 1] != 1
            if can_go_on and (
                scores[go_on] > scores[end] or (scores[go_on] == scores[end] and go_on < end)
            ):
                continue
            ents.append((entity, b + 1, label))
            entity = -1
        return ents


def _maxout(x: Any, pieces: int) -> Any:
    """The largest of each unit's ``pieces`` (the last axis of x's rows,
    ``unit * pieces + piece``); numpy reduces so short an axis slowly."""
    best = numpy.maximum(x[:, 0::pieces], x[:, 1::pieces])
    for piece in range(2, pieces):
        numpy.maximum(best, x[:, piece::pieces], out=best)
    return best

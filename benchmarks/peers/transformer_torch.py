"""PyTorch peer of the transformer benchmark: the same model, trained and sampled the same way.

Run as `python3 benchmarks/peers/transformer_torch.py '<json>'` with the JSON of
{"model": ..., "train": ..., "protocol": ..., "steps", "sampleSteps", "warmup", "seed",
"threads", "device", "corpusPath", "trainFraction"} (the harness's preset fields; device is "cpu",
the default, or "cuda"). Prints one JSON line with the versions, the device, the thread count and
tokens/s for training and for sampling. On CUDA the timers wait for the device (synchronize).

The model is the harness's (src/transformer/model.ts): nanoGPT's GPT with pre-layer-norm blocks,
separate q/k/v maps, exact GELU, no biases (layer-norm gains only), the LM head tied to the token
embedding; Adam (beta1 0.9, beta2 from the preset, eps 1e-8) on random windows; sampling advances
`sampleBatch` streams one token per forward pass on contexts of at most T tokens, and the last
block computes only the last position (as the harness's `lastOnly`).
"""
import json
import math
import platform
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


class Block(torch.nn.Module):
    def __init__(self, c, heads, layers, dropout):
        super().__init__()
        self.heads = heads
        self.dropout = dropout
        self.ln1 = torch.nn.Parameter(torch.ones(c))
        self.ln2 = torch.nn.Parameter(torch.ones(c))
        std = 0.02 / math.sqrt(2 * layers)
        self.q = torch.nn.Parameter(torch.randn(c, c) * 0.02)
        self.k = torch.nn.Parameter(torch.randn(c, c) * 0.02)
        self.v = torch.nn.Parameter(torch.randn(c, c) * 0.02)
        self.proj = torch.nn.Parameter(torch.randn(c, c) * std)
        self.fc = torch.nn.Parameter(torch.randn(c, 4 * c) * 0.02)
        self.fc_proj = torch.nn.Parameter(torch.randn(4 * c, c) * std)

    def forward(self, x, last_only=False):
        b, t, c = x.shape
        h, hd = self.heads, c // self.heads
        drop = lambda y: F.dropout(y, self.dropout, self.training)  # noqa: E731
        h1 = F.layer_norm(x, (c,), self.ln1, None, 1e-5)
        k = (h1 @ self.k).view(b, t, h, hd).transpose(1, 2)
        v = (h1 @ self.v).view(b, t, h, hd).transpose(1, 2)
        rows = 1 if last_only else t
        if last_only:
            h1 = h1[:, -1:, :]
            x = x[:, -1:, :]
        q = (h1 @ self.q).view(b, rows, h, hd).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(hd)
        if not last_only:
            mask = torch.triu(torch.ones(t, t, dtype=torch.bool, device=x.device), diagonal=1)
            att = att.masked_fill(mask, float("-inf"))
        att = drop(torch.softmax(att, dim=-1))
        y = (att @ v).transpose(1, 2).reshape(b, rows, c)
        x = x + drop(y @ self.proj)
        h2 = F.layer_norm(x, (c,), self.ln2, None, 1e-5)
        return x + drop(F.gelu(h2 @ self.fc) @ self.fc_proj)


class GPT(torch.nn.Module):
    def __init__(self, m):
        super().__init__()
        v, t, c = m["vocabSize"], m["contextLength"], m["embeddingDim"]
        self.dropout = m["dropout"]
        self.wte = torch.nn.Parameter(torch.randn(v, c) * 0.02)
        self.wpe = torch.nn.Parameter(torch.randn(t, c) * 0.02)
        self.blocks = torch.nn.ModuleList([Block(c, m["heads"], m["layers"], m["dropout"]) for _ in range(m["layers"])])
        self.lnf = torch.nn.Parameter(torch.ones(c))

    def forward(self, ids, last_only=False):
        b, t = ids.shape
        x = F.one_hot(ids, self.wte.shape[0]).float() @ self.wte + self.wpe[:t]
        x = F.dropout(x, self.dropout, self.training)
        for i, block in enumerate(self.blocks):
            x = block(x, last_only and i == len(self.blocks) - 1)
        x = F.layer_norm(x, (x.shape[-1],), self.lnf, None, 1e-5)
        return x @ self.wte.t()


def main():
    o = json.loads(sys.argv[1])
    torch.manual_seed(o["seed"])
    torch.set_num_threads(o["threads"])
    device = torch.device(o.get("device", "cpu"))
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    rng = np.random.default_rng(o["seed"])
    m, tr, pr = o["model"], o["train"], o["protocol"]
    with open(o["corpusPath"], encoding="utf8") as f:
        text = f.read()
    text = text[: int(len(text) * o["trainFraction"])]
    _, tokens = np.unique(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), return_inverse=True)
    tokens = tokens.astype(np.int64)
    t, bsz = m["contextLength"], tr["batchSize"]
    model = GPT(m).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=tr["learningRate"], betas=(0.9, tr["beta2"]), eps=1e-8)

    def step():
        starts = rng.integers(0, len(tokens) - t - 1, size=bsz)
        x = torch.from_numpy(np.stack([tokens[s : s + t] for s in starts])).to(device)
        y = torch.from_numpy(np.stack([tokens[s + 1 : s + t + 1] for s in starts])).to(device)
        logits = model(x)
        loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), y.view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return loss.detach()

    model.train()
    for _ in range(o["warmup"]):
        step()
    sync()
    t0 = time.perf_counter()
    for _ in range(o["steps"]):
        loss = step()
    sync()
    train_s = time.perf_counter() - t0
    loss = loss.item()

    model.eval()
    b = pr["sampleBatch"]
    length = t + o["sampleSteps"]

    def sample(n):
        seq = torch.zeros(b, n, dtype=torch.int64, device=device)
        with torch.no_grad():
            for k in range(1, n):
                ctx = seq[:, max(0, k - t) : k]
                p = torch.softmax(model(ctx, last_only=True)[:, -1, :].double(), dim=-1)
                seq[:, k] = torch.multinomial(p, 1)[:, 0]
        return seq

    sample(t + 1)
    sync()
    s0 = time.perf_counter()
    sample(length)
    sync()
    sample_s = time.perf_counter() - s0
    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "torch": torch.__version__,
                "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
                "threads": torch.get_num_threads(),
                "parameters": sum(p.numel() for p in model.parameters()),
                "steps": o["steps"],
                "finalLoss": loss,
                "trainSeconds": train_s,
                "trainTokensPerSecond": o["steps"] * bsz * t / train_s,
                "sampleSteps": length - 1,
                "sampleSeconds": sample_s,
                "sampleTokensPerSecond": b * (length - 1) / sample_s,
            }
        )
    )


if __name__ == "__main__":
    main()

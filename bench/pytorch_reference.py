#!/usr/bin/python3
"""ecgbeats' two headline models written directly in PyTorch, to time them beside ecgbeats.

Needs Debian's PyTorch (apt-get install -y python3-torch); run it with /usr/bin/python3:

    /usr/bin/python3 bench/pytorch_reference.py [--models cnn2d,cnngru1d] [--steps 30] [--threads N]

Each measurement is one JSON line with the fields `ecgbeats bench --json` prints:
{"impl": "pytorch", "model": "cnn2d", "phase": "train", "batch": 16, "beats_per_s": ...}.
Training is Adam steps on a fixed random batch at the study's batch size; inference is batch 256
without gradients. The architectures are those of README "Models and training" at the study's
best configurations (cnn2d: hidden 128, 1 block, 3 dense layers; cnngru1d: 5 blocks, GRU 256 over
the 96 pooled steps), so the parameter counts match ecgbeats': 1,100,933 and 1,163,717.
"""
import argparse
import json
import time

import torch
from torch import nn


def residual_block(conv, norm, channels):
    """conv, BN, ReLU, conv, BN; the caller adds the input and applies ReLU."""
    return nn.Sequential(conv(channels, channels, 3, padding=1), norm(channels), nn.ReLU(),
                         conv(channels, channels, 3, padding=1), norm(channels))


class Residual(nn.Module):
    def __init__(self, body):
        super().__init__()
        self.body = body

    def forward(self, x):
        return torch.relu(x + self.body(x))


def cnn2d(hidden=128, blocks=1, layers=3, dropout=0.3):
    """The study's 2D CNN over the 16 x 12 grid of a beat."""
    parts = [nn.Conv2d(1, hidden, 3, padding=1), nn.ReLU(), nn.BatchNorm2d(hidden)]
    parts += [Residual(residual_block(nn.Conv2d, nn.BatchNorm2d, hidden)) for _ in range(blocks)]
    parts += [nn.MaxPool2d(2), nn.Flatten()]
    width = 48 * hidden  # 8 x 6 after pooling
    for _ in range(layers - 1):
        parts += [nn.Linear(width, hidden), nn.ReLU(), nn.Dropout(dropout)]
        width = hidden
    parts.append(nn.Linear(width, 5))
    return nn.Sequential(*parts)


class CnnGru1d(nn.Module):
    """1D CNN with residual blocks, then a GRU over the 96 pooled time steps."""

    def __init__(self, hidden=64, blocks=5, gru_hidden=256, gru_layers=2, dropout=0.4, channels=128):
        super().__init__()
        stem = [nn.Conv1d(1, channels, 3, padding=1), nn.ReLU(), nn.BatchNorm1d(channels)]
        stem += [Residual(residual_block(nn.Conv1d, nn.BatchNorm1d, channels)) for _ in range(blocks)]
        self.features = nn.Sequential(*stem, nn.MaxPool1d(2))
        self.project = nn.Linear(channels, hidden)
        self.gru = nn.GRU(hidden, gru_hidden, gru_layers, batch_first=True, dropout=dropout)
        self.norm = nn.LayerNorm(gru_hidden)
        self.classify = nn.Sequential(nn.Linear(gru_hidden, hidden), nn.ReLU(), nn.Linear(hidden, 5))

    def forward(self, x):
        steps = self.project(self.features(x).permute(0, 2, 1))
        states, _ = self.gru(steps)
        return self.classify(self.norm(states[:, -1]))


# model, one beat's input shape, the study's batch size
SETUPS = {
    "cnn2d": (cnn2d, (1, 16, 12), 16),
    "cnngru1d": (CnnGru1d, (1, 192), 32),
}


def rate(step, beats_per_step, steps, warmup):
    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return beats_per_step * steps / (time.perf_counter() - start)


def line(name, phase, batch, beats_per_s, params):
    return json.dumps({"impl": "pytorch", "version": torch.__version__, "model": name, "params": params,
                       "threads": torch.get_num_threads(), "phase": phase, "batch": batch,
                       "beats_per_s": round(beats_per_s, 1)})


def bench(name, steps, infer_batch):
    build, shape, batch = SETUPS[name]
    torch.manual_seed(0)
    model = build()
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.rand(batch, *shape)
    y = torch.randint(0, 5, (batch,))

    def train_step():
        optimiser.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimiser.step()

    model.train()
    print(line(name, "train", batch, rate(train_step, batch, steps, 5), params), flush=True)

    beats = torch.rand(infer_batch, *shape)
    model.eval()

    def infer_step():
        with torch.inference_mode():
            torch.log_softmax(model(beats), dim=1)

    print(line(name, "infer", infer_batch, rate(infer_step, infer_batch, max(1, steps // 3), 2), params),
          flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="cnn2d,cnngru1d")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--infer-batch", type=int, default=256)
    parser.add_argument("--threads", type=int, default=0, help="0: PyTorch's default")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    for name in args.models.split(","):
        bench(name.strip(), args.steps, args.infer_batch)


if __name__ == "__main__":
    main()

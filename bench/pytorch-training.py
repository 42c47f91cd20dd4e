"""BENCH-CNN and BENCH-MLP (issue "nn") in PyTorch: the hardware's reference for bench/webgpu-training.mjs.

Same models, data sizes and protocol as bench/tfjs-models.mjs: random data, Adam 1e-3 (Keras's epsilon
1e-7), sparse categorical cross-entropy, shuffled batches, one warm-up epoch, then images (examples) per
second over the timed epochs, reading the loss back once per epoch. Eager mode in float32 with TF32 off, so
it does the arithmetic our WebGPU kernels do. Runs on CUDA when there is a GPU, else on the CPU.
Usage: python3 bench/pytorch-training.py [epochs]
"""
import json
import sys
import time

import torch
from torch import nn

EPOCHS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
torch.backends.cudnn.benchmark = True


def bench_cnn():
    # Keras's layers are channels-last; PyTorch's convolutions want NCHW, which changes nothing in the work.
    model = nn.Sequential(
        nn.Conv2d(3, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 6 * 6, 64), nn.ReLU(), nn.Linear(64, 10))
    return "BENCH-CNN", model, torch.rand(256, 3, 32, 32), 32


def bench_mlp():
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    return "BENCH-MLP", model, torch.rand(2048, 784), 128


def fit(model, optimizer, x, y, batch_size, epochs):
    # The softmax layer of the Keras models is folded into the loss, as our fused softmax cross-entropy does.
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(epochs):
        order = torch.randperm(x.shape[0], device=DEVICE)
        total = torch.zeros((), device=DEVICE)
        for start in range(0, x.shape[0], batch_size):
            batch = order[start:start + batch_size]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
            total += loss.detach()
        total.item()  # one readback an epoch, as the Keras-style fit loops do


def measure(make):
    torch.manual_seed(1)
    name, model, x, batch_size = make()
    model.to(DEVICE)
    x = x.to(DEVICE)
    y = torch.randint(0, 10, (x.shape[0],), device=DEVICE)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    fit(model, optimizer, x, y, batch_size, 1)
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()
    started = time.perf_counter()
    fit(model, optimizer, x, y, batch_size, EPOCHS)
    seconds = time.perf_counter() - started
    device = torch.cuda.get_device_name() if DEVICE.type == "cuda" else "cpu"
    return {"benchmark": name, "backend": f"pytorch-{torch.__version__}", "device": device,
            "examplesPerSecond": round(EPOCHS * x.shape[0] / seconds, 1)}


if __name__ == "__main__":
    for make in (bench_cnn, bench_mlp):
        print(json.dumps(measure(make)), flush=True)

package org.backprop.web.gpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.DeviceData;
import org.backprop.nn.backend.DeviceLostException;
import org.backprop.nn.internal.TensorInternals;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * Where tensors live on the GPU: allocation from the {@link BufferPool}, uploads, readbacks, and when memory
 * is freed.
 *
 * <p>Memory taken during a step belongs to the step and is freed when it ends, unless something retained it
 * (a weight's value, optimizer state, an epoch's kept losses). Memory taken outside any step (a program doing
 * its own tensor maths) is freed when JavaScript's garbage collector finds the tensor unreachable, through
 * a {@code FinalizationRegistry}; nothing in a training loop relies on that.
 *
 * <p>Most tensors have a buffer of their own; an optimizer update's results are views into one shared
 * {@link GpuArena}, whose buffer goes back to the pool when its last view is freed.
 *
 * <p>A lost device (its {@code lost} promise resolved) fails the next step or readback with a
 * {@link DeviceLostException}. JavaScript learns of the loss only while the program waits, so in practice
 * the readback at the end of an epoch reports it.
 */
final class GpuMemory {
    private final GpuDevice device;
    private final BufferPool pool;
    private final CommandRecorder commands;
    private final JSObject finalizers;
    private final JSObject lost;
    private final List<GpuData> stepData = new ArrayList<>();
    private final List<GpuData> releasedInStep = new ArrayList<>();
    /** Arenas with live views, by id: finalization-registry entries name them by id. */
    private final Map<Integer, GpuArena> arenas = new HashMap<>();
    private int nextArenaId;
    private boolean inStep;
    private int readbacks;

    GpuMemory(GpuDevice device) {
        this.device = device;
        this.pool = new BufferPool(device);
        this.commands = new CommandRecorder(device, pool);
        this.finalizers = createFinalizers();
        this.lost = watchLost(device);
    }

    CommandRecorder commands() {
        return commands;
    }

    BufferPool pool() {
        return pool;
    }

    /** Returns how many times the host waited for device memory (each is one submit of its own). */
    int readbacks() {
        return readbacks;
    }

    /** Fails with the device's reason once it is lost. */
    void checkDevice() {
        String message = lostMessage(lost);
        if (message != null) {
            inStep = false;
            throw new DeviceLostException(message);
        }
    }

    /** Returns fresh device memory for {@code length} floats, owned by the current step if there is one. */
    GpuData allocate(int length) {
        GpuData data = new GpuData(pool.acquire(GpuData.paddedBytes(length)), 0, length, null, this, newToken());
        track(data);
        return data;
    }

    /**
     * Returns views into one fresh arena of {@code regions} regions of {@code regionBytes} each: element
     * {@code r * lengths.length + j} is region r's segment j, {@code lengths[j]} floats from byte
     * {@code r * regionBytes + starts[j]}. Each view is owned like {@link #allocate}'s memory (by the current
     * step if there is one); the arena's buffer goes back to the pool once every view is freed.
     */
    GpuData[] allocateArena(int regionBytes, int regions, int[] starts, int[] lengths) {
        GpuArena arena = new GpuArena(nextArenaId++, pool.acquire(regionBytes * regions), regionBytes, regions,
                regions * lengths.length);
        arenas.put(arena.id, arena);
        GpuData[] views = new GpuData[regions * lengths.length];
        for (int r = 0; r < regions; r++) {
            for (int j = 0; j < lengths.length; j++) {
                GpuData view = new GpuData(arena.buffer, r * regionBytes + starts[j], lengths[j], arena, this,
                        newToken());
                track(view);
                views[r * lengths.length + j] = view;
            }
        }
        return views;
    }

    private void track(GpuData data) {
        if (inStep) {
            stepData.add(data);
        } else {
            watch(data);
        }
    }

    /** Lets the garbage collector free {@code data} once its tensor is unreachable. */
    private void watch(GpuData data) {
        if (data.arena == null) {
            watch(finalizers, data.finalizerToken, data.buffer, data.paddedBytes(), -1);
        } else {
            watch(finalizers, data.finalizerToken, null, 0, data.arena.id);
        }
    }

    /** Returns a device tensor of {@code shape} over {@code data}. */
    static Tensor tensor(int[] shape, GpuData data) {
        return TensorInternals.onDevice(shape, data);
    }

    /**
     * Returns {@code tensor}'s values on the device, uploading them (once: the tensor remembers the upload)
     * when they live only in host memory.
     */
    GpuData on(Tensor tensor) {
        DeviceData existing = TensorInternals.deviceData(tensor);
        if (existing instanceof GpuData && !((GpuData) existing).freed) {
            return (GpuData) existing;
        }
        if (existing != null && !TensorInternals.isOnHost(tensor)) {
            throw freedError();
        }
        float[] values = TensorInternals.values(tensor);
        GpuData data = allocate(values.length);
        if (values.length > 0) {
            device.getQueue().writeBuffer(data.buffer, data.offset, Float32Array.fromJavaArray(values));
        }
        TensorInternals.attachDeviceData(tensor, data);
        return data;
    }

    /** Returns fresh device memory holding {@code words}, for kernels that read 32-bit integers. */
    GpuData upload(int[] words) {
        GpuData data = allocate(words.length);
        if (words.length > 0) {
            device.getQueue().writeBuffer(data.buffer, 0, Int32Array.fromJavaArray(words));
        }
        return data;
    }

    void beginStep() {
        checkDevice();
        if (inStep) {
            throw new IllegalStateException("a step is already running");
        }
        inStep = true;
    }

    /** Submits the step's commands and frees the step's memory that nothing retained. */
    void endStep() {
        inStep = false;
        commands.submit();
        for (GpuData data : stepData) {
            if (data.retains == 0) {
                free(data);
            } else {
                // It outlives the step: from now on only a release or the garbage collector frees it.
                watch(data);
            }
        }
        for (GpuData data : releasedInStep) {
            if (data.retains == 0) {
                free(data);
            }
        }
        stepData.clear();
        releasedInStep.clear();
        reclaimFinalized();
    }

    void retain(Tensor tensor) {
        on(tensor).retains++;
    }

    void release(Tensor tensor) {
        DeviceData existing = TensorInternals.deviceData(tensor);
        if (!(existing instanceof GpuData)) {
            return;
        }
        GpuData data = (GpuData) existing;
        if (data.freed || data.retains == 0) {
            return;
        }
        data.retains--;
        if (data.retains == 0) {
            if (inStep) {
                releasedInStep.add(data);
            } else {
                free(data);
            }
        }
    }

    /**
     * Gives {@code data}'s buffer (or its share of an arena) back to the pool now; for scratch memory that only
     * the commands recorded so far use (the pool hands it out again only after they are submitted).
     */
    void free(GpuData data) {
        if (!data.freed) {
            data.freed = true;
            unwatch(finalizers, data.finalizerToken);
            if (data.arena == null) {
                pool.giveBack(data.buffer, data.paddedBytes());
            } else {
                freeView(data.arena);
            }
        }
    }

    private void freeView(GpuArena arena) {
        arena.liveViews--;
        if (arena.liveViews == 0) {
            arenas.remove(arena.id);
            pool.giveBack(arena.buffer, arena.bytes);
        }
    }

    /** Copies one tensor's values to the host; waits for the device. */
    float[] download(GpuData data) {
        List<GpuData> one = new ArrayList<>(1);
        one.add(data);
        return downloadAll(one).get(0);
    }

    /** Copies the values of several device tensors to the host with one copy and one wait. */
    List<float[]> downloadAll(List<GpuData> all) {
        int total = 0;
        for (GpuData data : all) {
            if (data.freed) {
                throw freedError();
            }
            total += data.byteLength();
        }
        GpuBuffer staging = device.createBuffer(Descriptors.buffer(Math.max(4, total),
                Descriptors.MAP_READ | Descriptors.COPY_DST));
        int offset = 0;
        for (GpuData data : all) {
            if (data.length > 0) {
                commands.copy(data.buffer, data.offset, staging, offset, data.byteLength());
            }
            offset += data.byteLength();
        }
        commands.submit();
        readbacks++;
        JSString failure = mapForReading(staging, Descriptors.MAP_MODE_READ, lost).await();
        checkDevice();
        if (failure != null) {
            staging.destroy();
            throw new IllegalStateException("Reading a tensor from GPU memory failed: " + failure.stringValue());
        }
        Float32Array mapped = Float32Array.create(staging.getMappedRange(), 0, total / 4);
        List<float[]> results = new ArrayList<>(all.size());
        offset = 0;
        for (GpuData data : all) {
            results.add(copyOut(mapped, offset, data.length));
            offset += data.length;
        }
        staging.unmap();
        staging.destroy();
        return results;
    }

    // Float32Array.copyToJavaArray returns an empty array for views over a mapped GPU buffer in TeaVM 0.15.
    private static float[] copyOut(Float32Array view, int offset, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = view.get(offset + i);
        }
        return values;
    }

    /** Gives the buffers of tensors the garbage collector found unreachable back to the pool. */
    private void reclaimFinalized() {
        JSArray<JSObject> reclaimed = drainFinalized(finalizers);
        for (int i = 0; i < reclaimed.getLength(); i++) {
            JSObject entry = reclaimed.get(i);
            int arena = arenaOf(entry);
            if (arena < 0) {
                pool.giveBack(bufferOf(entry), sizeOf(entry));
            } else {
                freeView(arenas.get(arena));
            }
        }
    }

    private static IllegalStateException freedError() {
        return new IllegalStateException("This tensor's GPU memory was freed when the training step that computed"
                + " it ended. Read its values (toArray) inside the step, or keep it in a Variable.");
    }

    @JSBody(script = "return {};")
    private static native JSObject newToken();

    @JSBody(params = "device", script = "const state = { message: null };"
            + "state.promise = device.lost.then((info) => {"
            + " state.message = info.message ? info.message + ' (' + info.reason + ')' : 'reason: ' + info.reason;"
            + " });"
            + "return state;")
    private static native JSObject watchLost(GpuDevice device);

    @JSBody(params = "state", script = "return state.message;")
    private static native String lostMessage(JSObject state);

    /**
     * Maps {@code staging} for reading; resolves to {@code null} when it is mapped or the device turned out to
     * be lost (which {@link #checkDevice} then reports), and to the error otherwise. The mapping of a lost
     * device can fail before its lost promise resolves, so a failure waits a moment for that promise.
     */
    @JSBody(params = {"staging", "mode", "lost"}, script = "return staging.mapAsync(mode).then(() => null, (error) =>"
            + " Promise.race([lost.promise, new Promise((resolve) => setTimeout(resolve, 1000))])"
            + " .then(() => lost.message ? null : String(error)));")
    private static native JSPromise<JSString> mapForReading(GpuBuffer staging, int mode, JSObject lost);

    @JSBody(script = "const state = { finalized: [] };"
            + "state.registry = typeof FinalizationRegistry === 'function'"
            + " ? new FinalizationRegistry((entry) => state.finalized.push(entry)) : null;"
            + "return state;")
    private static native JSObject createFinalizers();

    /** Registers {@code token}: a buffer of its own ({@code arena} −1) or a view into arena {@code arena}. */
    @JSBody(params = {"state", "token", "buffer", "size", "arena"}, script = "if (state.registry) {"
            + " state.registry.register(token, {buffer: buffer, size: size, arena: arena}, token); }")
    private static native void watch(JSObject state, JSObject token, GpuBuffer buffer, int size, int arena);

    @JSBody(params = {"state", "token"}, script = "if (state.registry) { state.registry.unregister(token); }")
    private static native void unwatch(JSObject state, JSObject token);

    @JSBody(params = "state", script = "const done = state.finalized; state.finalized = []; return done;")
    private static native JSArray<JSObject> drainFinalized(JSObject state);

    @JSBody(params = "entry", script = "return entry.buffer;")
    private static native GpuBuffer bufferOf(JSObject entry);

    @JSBody(params = "entry", script = "return entry.size;")
    private static native int sizeOf(JSObject entry);

    @JSBody(params = "entry", script = "return entry.arena;")
    private static native int arenaOf(JSObject entry);
}

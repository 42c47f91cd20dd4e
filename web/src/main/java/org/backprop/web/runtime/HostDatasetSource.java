package org.backprop.web.runtime;

import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.internal.DatasetSource;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Datasets and pretrained models from the JavaScript host the program runs in: the page's worker (the server, then
 * the browser's storage) or the grader's {@code run-program.mjs} (a read-only folder in the jail). The host defines
 * {@code globalThis.backpropDatasets} with {@code manifest(reference)}, {@code shard(sha256)} and
 * {@code pretrained(reference)}, all returning promises; the protocol is in {@code docs/datasets.md} and
 * {@code docs/pretrained.md}. A rejection's message is the student's error message.
 */
final class HostDatasetSource implements DatasetSource {

    /** Returns whether the host provides datasets at all. */
    @JSBody(script = "return typeof backpropDatasets === 'object' && backpropDatasets !== null;")
    static native boolean available();

    @Override
    public DatasetManifest manifest(String reference) {
        JSObject answer = manifestOf(reference).await();
        failIfError(answer);
        return DatasetManifest.fromJson(text(answer));
    }

    @Override
    public byte[] shard(ShardRef shard) {
        JSObject answer = shardOf(shard.sha256()).await();
        failIfError(answer);
        return bytes(answer).copyToJavaArray();
    }

    @Override
    public byte[] pretrained(String reference) {
        JSObject answer = pretrainedOf(reference).await();
        failIfError(answer);
        return bytes(answer).copyToJavaArray();
    }

    private static void failIfError(JSObject answer) {
        String error = error(answer);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }

    // Each promise settles to {value} or {error}: a rejected promise would surface in Java as an exception without
    // the host's words. Functions with a return statement, not "=> ({...})": TeaVM's minifier drops the parentheses
    // and leaves a block that returns undefined.
    @JSBody(params = "reference", script = "return Promise.resolve().then(() => backpropDatasets.manifest(reference))"
            + ".then(function (text) { return { text: String(text) }; },"
            + " function (e) { return { error: String((e && e.message) || e) }; });")
    private static native JSPromise<JSObject> manifestOf(String reference);

    @JSBody(params = "sha256", script = "return Promise.resolve().then(() => backpropDatasets.shard(sha256))"
            + ".then(function (view) {"
            + " return { bytes: new Int8Array(view.buffer, view.byteOffset, view.byteLength) }; },"
            + " function (e) { return { error: String((e && e.message) || e) }; });")
    private static native JSPromise<JSObject> shardOf(String sha256);

    @JSBody(params = "reference", script = "return Promise.resolve().then(() => {"
            + " if (typeof backpropDatasets.pretrained !== 'function') {"
            + " throw new Error('This runtime provides no pretrained models'); }"
            + " return backpropDatasets.pretrained(reference); })"
            + ".then(function (view) {"
            + " return { bytes: new Int8Array(view.buffer, view.byteOffset, view.byteLength) }; },"
            + " function (e) { return { error: String((e && e.message) || e) }; });")
    private static native JSPromise<JSObject> pretrainedOf(String reference);

    @JSBody(params = "answer", script = "return answer.error === undefined ? null : answer.error;")
    private static native String error(JSObject answer);

    @JSBody(params = "answer", script = "return answer.text;")
    private static native String text(JSObject answer);

    @JSBody(params = "answer", script = "return answer.bytes;")
    private static native Int8Array bytes(JSObject answer);
}

package org.backprop.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {

    @Test
    void isPlainJsonForTheServerAndTheWorkerApi() throws Exception {
        RunResult result = new RunResult(RunResult.Status.TIMED_OUT, null,
                "Your program ran longer than the 3 s limit and was stopped.", "epoch 1\n", "",
                List.of("Running on WebGPU (SwiftShader driver 5.0.0)."), 3012);
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(result);

        assertEquals("{\"status\":\"TIMED_OUT\",\"exitCode\":null,\"message\":\"Your program ran longer than the 3 s"
                + " limit and was stopped.\",\"stdout\":\"epoch 1\\n\",\"stderr\":\"\",\"notices\":[\"Running on WebGPU"
                + " (SwiftShader driver 5.0.0).\"],\"wallMillis\":3012,\"runRecords\":[],\"savedModels\":[],"
                + "\"testReports\":[]}", text);
        assertEquals(result, json.readValue(text, RunResult.class));
    }

    @Test
    void carriesRunRecordsAndSavedModelsThroughJson() throws Exception {
        RunResult result = new RunResult(RunResult.Status.COMPLETED, 0, "Your program ran to the end.", "", "",
                List.of(), 10, List.of("{\"format\": \"backprop-run-record\"}"),
                List.of(new RunResult.SavedModel("final", new byte[] {1, 2, (byte) 255})));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(result);
        assertTrue(text.endsWith("\"runRecords\":[\"{\\\"format\\\": \\\"backprop-run-record\\\"}\"],"
                + "\"savedModels\":[{\"name\":\"final\",\"bytes\":\"AQL/\"}],\"testReports\":[]}"), text);
        assertEquals(result, json.readValue(text, RunResult.class));
    }

    @Test
    void carriesTestReportsThroughJson() throws Exception {
        RunResult result = new RunResult(RunResult.Status.COMPLETED, 0, "Your program ran to the end.", "", "",
                List.of(), 10, List.of(), List.of(), List.of(new TestReport("NetTest.builds", TestReport.Outcome.PASSED,
                        null), new TestReport("NetTest.saves", TestReport.Outcome.FAILED, "expected 10, got 2")));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(result);
        assertTrue(text.endsWith("\"testReports\":[{\"test\":\"NetTest.builds\",\"outcome\":\"PASSED\","
                + "\"message\":null},{\"test\":\"NetTest.saves\",\"outcome\":\"FAILED\",\"message\":"
                + "\"expected 10, got 2\"}]}"), text);
        assertEquals(result, json.readValue(text, RunResult.class));
    }
}

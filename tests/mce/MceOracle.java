// Runs claims through the official CMS MCE Java (the answer key for tests/mce_differential.rs).
//
// Input, one claim per line, tab-separated:
//   id, discharge date YYYYMMDD, age, sex (0/1/2), discharge status, length of stay,
//   admitting diagnosis, diagnoses "CODE:POA;CODE:POA" (first = principal), procedures "CODE;CODE".
// An empty or "-" field is left unset. Output, one line per claim, tab-separated:
//   id, claim edit type, edit counter "EDIT=n,...", diagnosis edits "i:EDIT+EDIT;..."
//   (by position), procedure edits, admitting-diagnosis edits.
// `--bench N` reads the claims once, then times N passes (warm) and prints claims per second,
// by wall clock and by the process's CPU time (JIT and garbage collection included).
// `--rounds N` is the same in rounds paced by the caller, so that another engine can run
// between them on the same cores: the claims end at a line ".", then N warm-up passes, then
// "ready"; each later input line runs one round of N passes and prints its rate line.
// `--edits` prints every edit with its claim disposition and code type.
import com.mmm.his.cer.foundation.model.GfcPoa;
import gov.cms.editor.mce.MceComponent;
import gov.cms.editor.mce.model.MceDiagnosisCode;
import gov.cms.editor.mce.model.MceProcedureCode;
import gov.cms.editor.mce.model.enums.Edit;
import gov.cms.editor.mce.transfer.MceOutput;
import gov.cms.editor.mce.transfer.MceRecord;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class MceOracle {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--edits")) {
            for (Edit e : Edit.values()) {
                System.out.println(e.name() + "\t" + e.getEditType() + "\t" + e.getCodeType());
            }
            return;
        }
        MceComponent mce = new MceComponent();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (args.length > 1 && args[0].equals("--rounds")) {
            int passes = Integer.parseInt(args[1]);
            List<String[]> claims = new ArrayList<>();
            for (String line; (line = in.readLine()) != null && !line.equals("."); ) {
                if (!line.isEmpty()) claims.add(line.split("\t", -1));
            }
            for (int p = 0; p < passes; p++) {
                for (String[] f : claims) mce.process(record(f)); // warm-up passes
            }
            out.write("ready\n");
            out.flush();
            while (in.readLine() != null) {
                out.write(timed(mce, claims, passes));
                out.flush();
            }
            return;
        }
        if (args.length > 1 && args[0].equals("--bench")) {
            int passes = Integer.parseInt(args[1]);
            List<String[]> claims = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isEmpty()) claims.add(line.split("\t", -1));
            }
            for (String[] f : claims) mce.process(record(f)); // warm-up pass
            out.write(timed(mce, claims, passes));
            out.flush();
            return;
        }
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            MceRecord r = record(f);
            mce.process(r);
            out.write(answer(f[0], r));
            out.write('\n');
        }
        out.flush();
    }

    // Times `passes` passes over the claims: "N claims in S s: R claims/s; process CPU C s: Q claims/s".
    static String timed(MceComponent mce, List<String[]> claims, int passes) throws Exception {
        // Process CPU time: the MCE's own thread plus the JIT and garbage collection it causes.
        com.sun.management.OperatingSystemMXBean mx =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = mx.getProcessCpuTime();
        long t0 = System.nanoTime();
        long n = 0;
        for (int p = 0; p < passes; p++) {
            for (String[] f : claims) {
                mce.process(record(f));
                n++;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getProcessCpuTime() - cpu0) / 1e9;
        return String.format("%d claims in %.3f s: %.0f claims/s; process CPU %.3f s: %.0f claims/s%n", n, secs, n / secs, cpu, n / cpu);
    }

    static String field(String[] f, int i) {
        return i < f.length && !f[i].isEmpty() && !f[i].equals("-") ? f[i] : null;
    }

    static Integer num(String[] f, int i) {
        String s = field(f, i);
        return s == null ? null : Integer.valueOf(s);
    }

    static MceRecord record(String[] f) {
        MceRecord.MceRecordBuilder b = MceRecord.builder().withIcdVersion(10);
        if (field(f, 1) != null) b.withDischargeDate(field(f, 1));
        if (num(f, 2) != null) b.withAgeYears(num(f, 2));
        if (num(f, 3) != null) b.withSex(num(f, 3));
        if (num(f, 4) != null) b.withDischargeStatus(num(f, 4));
        if (num(f, 5) != null) b.withLengthOfStay(num(f, 5));
        if (field(f, 6) != null) b.withAdmitDiagnosis(new MceDiagnosisCode(field(f, 6), false));
        MceRecord r = b.build();
        String dx = field(f, 7);
        if (dx != null) {
            boolean first = true;
            for (String d : dx.split(";", -1)) {
                String[] cp = d.split(":", -1);
                char poa = cp.length > 1 && !cp[1].isEmpty() ? cp[1].charAt(0) : ' ';
                r.addCode(new MceDiagnosisCode(cp[0], GfcPoa.fromChar(poa, GfcPoa.BLANK), first));
                first = false;
            }
        }
        String px = field(f, 8);
        if (px != null) {
            for (String p : px.split(";", -1)) r.addCode(new MceProcedureCode(p));
        }
        return r;
    }

    static String edits(List<Edit> es) {
        StringBuilder s = new StringBuilder();
        for (Edit e : es) {
            if (s.length() > 0) s.append('+');
            s.append(e.name());
        }
        return s.toString();
    }

    static String answer(String id, MceRecord r) {
        MceOutput o = r.getMceOutput();
        StringBuilder s = new StringBuilder(id).append('\t').append(o == null ? "" : o.getEditType()).append('\t');
        if (o != null && o.getEditCounter() != null) {
            boolean first = true;
            for (Map.Entry<Edit, Integer> e : new TreeMap<>(o.getEditCounter()).entrySet()) {
                if (e.getValue() == null || e.getValue() == 0) continue;
                if (!first) s.append(',');
                s.append(e.getKey().name()).append('=').append(e.getValue());
                first = false;
            }
        }
        s.append('\t');
        List<MceDiagnosisCode> dx = r.getDiagnoses();
        boolean first = true;
        for (int i = 0; i < dx.size(); i++) {
            String es = edits(dx.get(i).getEdits());
            if (es.isEmpty()) continue;
            if (!first) s.append(';');
            s.append(i).append(':').append(es);
            first = false;
        }
        s.append('\t');
        List<MceProcedureCode> px = r.getProcedures();
        first = true;
        for (int i = 0; i < px.size(); i++) {
            String es = edits(px.get(i).getEdits());
            if (es.isEmpty()) continue;
            if (!first) s.append(';');
            s.append(i).append(':').append(es);
            first = false;
        }
        s.append('\t');
        if (r.getAdmitDiagnosis() != null) s.append(edits(r.getAdmitDiagnosis().getEdits()));
        return s.toString();
    }
}

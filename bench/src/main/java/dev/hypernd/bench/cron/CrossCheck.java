package dev.hypernd.bench.cron;

import dev.hypernd.bench.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Compares every peer's next fire with hypernd's. A (case, start) pair is cross-checked for a peer
 * when the peer means the same as cronie for that case ({@link PeerSyntax}) and neither the start
 * nor any peer's answer lies within a day of a UTC-offset change (where each library has its own
 * DST rules). A disagreement on a cross-checked pair is a failure: {@link #requireAgreement()}
 * throws, so the benchmark refuses to time code that computes something else.
 */
public final class CrossCheck {
  private static final Duration DST_MARGIN = Duration.ofDays(1);
  private static final String[] PEERS = {"spring", "quartz", "cron-utils"};

  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final List<String> mismatches = new ArrayList<>();
  private final Map<String, int[]> checkedPerPeer = new LinkedHashMap<>();
  private final Map<String, Integer> expressionsChecked = new LinkedHashMap<>();

  private CrossCheck() {}

  public static CrossCheck run() {
    CrossCheck check = new CrossCheck();
    check.compute(new CronPeers(CronCases.CASES, CronCases.STARTS));
    return check;
  }

  private void compute(CronPeers peers) {
    int starts = CronCases.STARTS.size();
    List<IntFunction<Optional<Instant>>> fns =
        List.of(peers::spring, peers::quartz, peers::cronUtils);
    for (String peer : PEERS) {
      checkedPerPeer.put(peer, new int[2]);
      expressionsChecked.put(peer, 0);
    }
    for (int ci = 0; ci < CronCases.CASES.size(); ci++) {
      CronCase c = CronCases.CASES.get(ci);
      boolean[] faithful = {
        PeerSyntax.springFaithful(c), PeerSyntax.quartzFaithful(c), PeerSyntax.cronUtilsFaithful(c)
      };
      boolean[] anyChecked = new boolean[PEERS.length];
      for (int si = 0; si < starts; si++) {
        int p = ci * starts + si;
        Instant start = CronCases.STARTS.get(si);
        Optional<Instant> expected = peers.hypernd(p);
        List<Optional<Instant>> got = new ArrayList<>();
        boolean nearDst =
            nearChange(c.zone(), start) || expected.map(i -> nearChange(c.zone(), i)).orElse(false);
        for (IntFunction<Optional<Instant>> fn : fns) {
          Optional<Instant> r = safely(fn, p);
          got.add(r);
          nearDst |= r.map(i -> nearChange(c.zone(), i)).orElse(false);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("expression", c.expression());
        row.put("zone", c.zone().getId());
        row.put("start", start.toString());
        row.put("hypernd", expected.map(Instant::toString).orElse("none"));
        for (int k = 0; k < PEERS.length; k++) {
          boolean checked = faithful[k] && !nearDst;
          boolean agree = got.get(k).equals(expected);
          row.put(PEERS[k], got.get(k).map(Instant::toString).orElse("none"));
          row.put(PEERS[k] + "_checked", checked);
          if (checked) {
            anyChecked[k] = true;
            checkedPerPeer.get(PEERS[k])[0]++;
            if (agree) {
              checkedPerPeer.get(PEERS[k])[1]++;
            } else {
              mismatches.add(
                  PEERS[k]
                      + ": '"
                      + c.expression()
                      + "' in "
                      + c.zone()
                      + " after "
                      + start
                      + ": hypernd "
                      + row.get("hypernd")
                      + ", "
                      + PEERS[k]
                      + " "
                      + row.get(PEERS[k]));
            }
          }
        }
        rows.add(row);
      }
      for (int k = 0; k < PEERS.length; k++) {
        if (anyChecked[k]) {
          expressionsChecked.merge(PEERS[k], 1, Integer::sum);
        }
      }
    }
  }

  private static Optional<Instant> safely(IntFunction<Optional<Instant>> fn, int p) {
    try {
      return fn.apply(p);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean nearChange(ZoneId zone, Instant at) {
    ZoneOffsetTransition t = zone.getRules().nextTransition(at.minus(DST_MARGIN));
    return t != null && !t.getInstant().isAfter(at.plus(DST_MARGIN));
  }

  /** Throws when a peer disagrees with hypernd on a pair where both mean the same. */
  public void requireAgreement() {
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException(
          "cron cross-check failed on "
              + mismatches.size()
              + " pair(s):\n  "
              + String.join("\n  ", mismatches));
    }
  }

  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("expressions", CronCases.CASES.size());
    out.put("starts", CronCases.STARTS.size());
    out.put("pairs", CronCases.pairs());
    Map<String, Object> perPeer = new LinkedHashMap<>();
    for (String peer : PEERS) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pairs_checked", checkedPerPeer.get(peer)[0]);
      m.put("pairs_agreeing", checkedPerPeer.get(peer)[1]);
      m.put("expressions_checked", expressionsChecked.get(peer));
      perPeer.put(peer, m);
    }
    out.put("peers", perPeer);
    out.put("mismatches", mismatches);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (CronCase c : CronCases.CASES) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("expression", c.expression());
      m.put("zone", c.zone().getId());
      m.put("what", c.what());
      m.put("spring", PeerSyntax.spring(c));
      m.put("spring_faithful", PeerSyntax.springFaithful(c));
      m.put("quartz", PeerSyntax.quartz(c));
      m.put("quartz_faithful", PeerSyntax.quartzFaithful(c));
      m.put("cron_utils", PeerSyntax.cronUtils(c));
      m.put("cron_utils_faithful", PeerSyntax.cronUtilsFaithful(c));
      cases.add(m);
    }
    out.put("cases", cases);
    out.put("rows", rows);
    return out;
  }

  /** Writes the cross-check as JSON to {@code args[0]}; exits 1 when a checked pair disagrees. */
  public static void main(String[] args) throws Exception {
    CrossCheck check = run();
    Json.write(Path.of(args[0]), check.summary());
    for (String m : check.mismatches) {
      System.err.println("cron cross-check MISMATCH " + m);
    }
    System.exit(check.mismatches.isEmpty() ? 0 : 1);
  }
}

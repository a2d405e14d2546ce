package dev.smtpmock.runner;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * The page of a list that {@code limit} and {@code offset} select (SPEC 6: all of it unless {@code
 * limit} is given), for every list the admin API pages.
 *
 * @param limit null for no limit
 */
record Page(Integer limit, int offset) {
  static Page of(Map<String, String> parameters) {
    Integer offset = Http.number(parameters, "offset", 0);
    return new Page(Http.number(parameters, "limit", 0), offset == null ? 0 : offset);
  }

  /**
   * This page of {@code all}; sets {@code X-Total-Count} to the size of {@code all}, so that a
   * client knows how many pages there are.
   */
  <T> List<T> select(HttpExchange exchange, List<T> all) {
    exchange.getResponseHeaders().set("X-Total-Count", Integer.toString(all.size()));
    int start = Math.min(offset, all.size());
    int end = limit == null ? all.size() : (int) Math.min(all.size(), (long) start + limit);
    return all.subList(start, end);
  }
}

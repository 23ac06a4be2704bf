package dev.propos.formats.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of invalid line, on line 2 after a valid one, with the message it gets. */
class EventReaderErrorsTest {

    private static final String FIRST_LINE = "{\"type\":\"clock\",\"time\":\"2026-03-02T09:00:00Z\"}\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"type":"clock","time":"2026-03-02T09:15:00Z"                   | malformed JSON: Unexpected end-of-input: expected close marker for Object
            {"type":"clock",}                                               | malformed JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name
            not json                                                        | malformed JSON: Unrecognized token 'not'
            [1, 2]                                                          | a line must be one JSON object
            "clock"                                                         | a line must be one JSON object
            {"type":"clock","time":"2026-03-02T09:15:00Z"} {"type":"clock"} | unexpected content after the JSON object
            {"time":"2026-03-02T09:15:00Z"}                                 | missing field "type"
            {"type":7,"time":"2026-03-02T09:15:00Z"}                        | field "type" must be a string, got 7
            {"type":"trade","time":"2026-03-02T09:15:00Z"}                  | unknown event type "trade"
            {"type":"clock"}                                                | clock: missing field "time"
            {"type":"clock","time":1772442900}                              | clock: field "time" must be a string, got 1772442900
            {"type":"clock","time":"2026-03-02T09:15:00"}                   | clock: field "time" must be an RFC 3339 UTC time such as 2026-03-02T09:15:00Z or 2026-03-02T09:15:00.250Z, got "2026-03-02T09:15:00"
            {"type":"clock","time":"2026-03-02T09:15:00.1234Z"}             | clock: field "time" must be an RFC 3339 UTC time such as 2026-03-02T09:15:00Z or 2026-03-02T09:15:00.250Z, got "2026-03-02T09:15:00.1234Z"
            {"type":"clock","time":"2026-03-02T10:15:00+01:00"}             | clock: field "time" must be an RFC 3339 UTC time such as 2026-03-02T09:15:00Z or 2026-03-02T09:15:00.250Z, got "2026-03-02T10:15:00+01:00"
            {"type":"clock","time":"2026-03-02T09:15:00Z","id":42}          | clock: field "id" must be a string, got 42
            {"type":"quote","time":"2026-03-02T09:15:00Z","bid":1,"ask":1}  | quote: missing field "symbol"
            {"type":"quote","time":"2026-03-02T09:15:00Z","symbol":"EURUSD","bid":"1.1.0","ask":1} | quote: field "bid" must be a number or a decimal string, got "1.1.0"
            {"type":"quote","time":"2026-03-02T09:15:00Z","symbol":"EURUSD","bid":true,"ask":1}    | quote: field "bid" must be a number or a decimal string, got true
            {"type":"quote","time":"2026-03-02T09:15:00Z","symbol":"EURUSD","bid":null,"ask":1}    | quote: field "bid" must be a number or a decimal string, got null
            {"type":"quote","time":"2026-03-02T09:15:00Z","symbol":["EURUSD"],"bid":1,"ask":1}     | quote: field "symbol" must be a string, got an array
            {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1","position":"p","symbol":"EURUSD","side":"buy","lots":0,"price":1} | position_opened: field "lots" must be > 0, got 0
            {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1","position":"p","symbol":"EURUSD","side":"buy","lots":"-1","price":1} | position_opened: field "lots" must be > 0, got -1
            {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1","position":"p","symbol":"EURUSD","side":"long","lots":1,"price":1} | position_opened: field "side" must be buy or sell, got "long"
            {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1","position":"p","symbol":"EURUSD","side":"BUY","lots":1,"price":1} | position_opened: field "side" must be buy or sell, got "BUY"
            {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1","position":"p","symbol":"EURUSD","side":"buy","price":1}          | position_opened: missing field "lots"
            {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1","position":"p","symbol":"EURUSD","side":"buy","lots":1,"price":1,"sl":"none"} | position_opened: field "sl" must be a number or a decimal string, got "none"
            {"type":"position_closed","time":"2026-03-02T09:15:00Z","account":"1","position":"p","price":1,"lots":0}  | position_closed: field "lots" must be > 0, got 0
            {"type":"position_closed","time":"2026-03-02T09:15:00Z","account":"1","position":"p"}                     | position_closed: missing field "price"
            {"type":"position_modified","time":"2026-03-02T09:15:00Z","account":"1","position":"p","tp":{}}            | position_modified: field "tp" must be a number or a decimal string, got an object
            {"type":"account_started","time":"2026-03-02T09:15:00Z"}                                                    | account_started: missing field "account"
            {"type":"account_started","time":"2026-03-02T09:15:00Z","account":"1","version":1.5}                        | account_started: field "version" must be a whole number, got 1.5
            {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1","amount":100,"reason":"bonus"}        | balance_adjusted: field "reason" must be deposit, withdrawal or correction, got "bonus"
            {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1","amount":-100,"reason":"deposit"}     | balance_adjusted: a deposit's "amount" must be > 0, got -100
            {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1","amount":0,"reason":"deposit"}        | balance_adjusted: a deposit's "amount" must be > 0, got 0
            {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1","amount":100,"reason":"withdrawal"}   | balance_adjusted: a withdrawal's "amount" must be < 0, got 100
            {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1","reason":"correction"}                | balance_adjusted: missing field "amount"
            {"type":"equity_reported","time":"2026-03-02T09:15:00Z","account":"1"}                                      | equity_reported: missing field "equity"
            {"type":"payout_requested","time":"2026-03-02T09:15:00Z","account":"1","amount":"all"}                      | payout_requested: field "amount" must be a number or a decimal string, got "all"
            {"type":"payout_cancelled","time":"2026-03-02T09:15:00Z"}                                                   | payout_cancelled: missing field "account"
            {"type":"news","time":"2026-03-02T09:15:00Z","impact":"high"}                                               | news: missing field "currencies"
            {"type":"news","time":"2026-03-02T09:15:00Z","currencies":"USD","impact":"high"}                            | news: field "currencies" must be an array of strings, got "USD"
            {"type":"news","time":"2026-03-02T09:15:00Z","currencies":["USD",1],"impact":"high"}                        | news: field "currencies" must be an array of strings, got an array of non-strings
            {"type":"news","time":"2026-03-02T09:15:00Z","currencies":["USD"],"impact":"extreme"}                       | news: field "impact" must be low, medium or high, got "extreme"
            {"type":"news","time":"2026-03-02T09:15:00Z","currencies":["USD"],"impact":"high","end_time":"2026-03-02T09:00:00Z"} | news: field "end_time" must not be before "time"
            {"type":"news","time":"2026-03-02T09:15:00Z","currencies":["USD"],"impact":"high","known_from":"soon"}      | news: field "known_from" must be an RFC 3339 UTC time
            """)
    void invalidLineIsReportedWithItsLineAndField(String line, String message) {
        assertThatThrownBy(() -> EventReaderTest.readAll(FIRST_LINE + line + "\n"))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("events.jsonl:2: " + message);
    }
}

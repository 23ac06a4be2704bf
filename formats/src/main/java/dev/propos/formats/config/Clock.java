package dev.propos.formats.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** The configuration's wall-clock values: "HH:MM" times and IANA zones. */
final class Clock {

    private static final Pattern HOURS_MINUTES = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();

    private Clock() {
    }

    static LocalTime localTime(Fields fields, String key, Node node) {
        String text = fields.string(key, node);
        if (!HOURS_MINUTES.matcher(text).matches()) {
            throw node.error(fields.owner() + ": " + key + " must be a time \"HH:MM\" (00:00 to 23:59), got '"
                    + text + "'");
        }
        return LocalTime.of(Integer.parseInt(text, 0, 2, 10), Integer.parseInt(text, 3, 5, 10));
    }

    /** Region ids only (Europe/Prague, UTC): a fixed offset would ignore daylight saving. */
    static ZoneId zone(Fields fields, String key, Node node) {
        String text = fields.string(key, node);
        if (!IANA_ZONES.contains(text)) {
            throw node.error(fields.owner() + ": unknown time zone '" + text + "' (expected an IANA zone such as "
                    + "Europe/Prague or America/New_York)");
        }
        return ZoneId.of(text);
    }
}

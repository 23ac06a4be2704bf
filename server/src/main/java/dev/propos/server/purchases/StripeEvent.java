package dev.propos.server.purchases;

import tools.jackson.databind.JsonNode;

/**
 * The parts of a Stripe event that PropOS reads (https://docs.stripe.com/api/events/object):
 * its id, its type, and {@code data.object}.
 */
record StripeEvent(String id, String type, JsonNode object) {

    /** A completed Checkout Session: who paid, what for (its metadata names the program), how much. */
    record CheckoutCompleted(String session, String paymentIntent, String email, String name, long amountCents,
                             String currency, String program, Integer version, String trader) {
    }

    /** A charge refunded (in part or whole): the refunded total so far. */
    record ChargeRefunded(String charge, String paymentIntent, long amountRefundedCents, String currency) {
    }

    CheckoutCompleted checkoutCompleted() {
        JsonNode customer = object.path("customer_details");
        JsonNode metadata = object.path("metadata");
        String version = text(metadata, "version");
        return new CheckoutCompleted(text(object, "id"), text(object, "payment_intent"), text(customer, "email"),
                text(customer, "name"), object.path("amount_total").asLong(), upper(text(object, "currency")),
                text(metadata, "program"), version == null ? null : Integer.valueOf(version), text(metadata, "trader"));
    }

    ChargeRefunded chargeRefunded() {
        return new ChargeRefunded(text(object, "id"), text(object, "payment_intent"),
                object.path("amount_refunded").asLong(), upper(text(object, "currency")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String upper(String currency) {
        return currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT);
    }
}

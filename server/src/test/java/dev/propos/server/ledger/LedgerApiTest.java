package dev.propos.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.Firm;
import dev.propos.server.ServerTest;
import dev.propos.server.TestClient;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ledger's read API: finance and administrators see accounts and statements, a trader their own statement. */
@ServerTest
class LedgerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutPostings payouts;

    @Test
    void financeReadsAccountsAndStatementsOthersDoNot() {
        TestClient admin = TestClient.admin(port);
        String trader = Firm.unique("ledger-tr");
        String finance = Firm.unique("fin");
        String risk = Firm.unique("risk");
        Firm.createTrader(admin, trader, "secret-123");
        Firm.createStaff(admin, finance, "secret-123", "FINANCE");
        Firm.createStaff(admin, risk, "secret-123", "RISK");
        paidPayout(trader);
        String payable = "payouts_payable:" + trader + ":USD";

        for (TestClient reader : List.of(admin, TestClient.user(port, finance, "secret-123"))) {
            TestClient.Answer accounts = reader.get("/api/ledger/accounts?trader=" + trader);
            assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
            List<Map<String, Object>> listed = Firm.jsonList(accounts.body());
            assertThat(listed).singleElement().satisfies(account -> assertThat(account)
                    .containsEntry("id", payable).containsEntry("kind", "LIABILITY").containsEntry("balanceCents", 0));
            TestClient.Answer statement = reader.get("/api/ledger/accounts/" + payable + "/statement");
            assertThat(statement.status()).as(statement.body()).isEqualTo(200);
            assertThat(Firm.json(statement.body()).get("entries")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
        }
        TestClient.Answer later = admin.get("/api/ledger/accounts/" + payable + "/statement?from=2100-01-01T00:00:00Z");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(Firm.json(later.body())).containsEntry("openingBalanceCents", 0).containsEntry("closingBalanceCents", 0)
                .containsEntry("from", "2100-01-01T00:00:00Z");
        assertThat(Firm.json(later.body()).get("entries")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        TestClient.Answer earlier = admin.get("/api/ledger/accounts/" + payable + "/statement?to=2000-01-01T00:00:00Z");
        assertThat(Firm.json(earlier.body()).get("entries")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        assertThat(admin.get("/api/ledger/accounts/" + payable + "/statement?from=yesterday").status()).isEqualTo(400);
        assertThat(Firm.json(admin.get("/api/ledger/accounts/cash:USD").body())).containsEntry("kind", "ASSET");
        assertThat(admin.get("/api/ledger/accounts/nowhere:USD/statement").status()).isEqualTo(404);
        assertThat(TestClient.user(port, risk, "secret-123").get("/api/ledger/accounts").status()).isEqualTo(403);
        assertThat(TestClient.user(port, trader, "secret-123").get("/api/ledger/accounts").status()).isEqualTo(403);
    }

    @Test
    void aTraderSeesTheirOwnStatementOnly() {
        TestClient admin = TestClient.admin(port);
        String trader = Firm.unique("ledger-tr");
        String other = Firm.unique("ledger-tr");
        Firm.createTrader(admin, trader, "secret-123");
        Firm.createTrader(admin, other, "secret-123");
        paidPayout(trader);
        TestClient self = TestClient.user(port, trader, "secret-123");

        TestClient.Answer own = self.get("/api/traders/" + trader + "/statement");

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        Map<String, Object> statement = Firm.json(own.body());
        assertThat(statement).containsEntry("trader", trader);
        List<?> accounts = (List<?>) statement.get("accounts");
        assertThat(accounts).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ((Map<String, Object>) accounts.getFirst()).get("entries");
        assertThat(entries).extracting(e -> e.get("creditCents")).containsExactly(40_000, 0);
        assertThat(entries).extracting(e -> e.get("balanceCents")).containsExactly(40_000, 0);
        assertThat(self.get("/api/traders/" + other + "/statement").status()).as("another's is not found").isEqualTo(404);
        assertThat(TestClient.user(port, other, "secret-123").get("/api/traders/" + trader + "/statement").status())
                .isEqualTo(404);
        assertThat(admin.get("/api/traders/" + trader + "/statement").status()).isEqualTo(200);
        assertThat(Firm.json(admin.get("/api/traders/" + other + "/statement").body()).get("accounts")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
    }

    private void paidPayout(String trader) {
        PayoutPostings.Payout payout = new PayoutPostings.Payout(Firm.unique("po"), trader, "USD", 40_000, 0);
        assertThat(ledger.execute(payouts.approval(payout, Reference.decision("r1-0"))))
                .isInstanceOf(TransferResult.Created.class);
        assertThat(ledger.execute(payouts.execution(payout, Reference.webhook("evt-" + payout.payoutId()))))
                .isInstanceOf(TransferResult.Created.class);
    }
}

package dev.propos.platform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.formats.config.ConfigReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo configuration is valid, and fits the simulator's symbols and roster. */
class DemoFirmTest {

    @Test
    void the_demo_configuration_is_read_by_the_config_reader() throws IOException, URISyntaxException {
        Path file = Path.of(DemoFirm.class.getResource(DemoFirm.CONFIG_RESOURCE).toURI());

        FirmConfig config = ConfigReader.read(List.of(file));

        Program program = config.program(DemoFirm.PROGRAM, null);
        assertThat(program.initialBalanceCents()).isEqualTo(10_000_000);
        assertThat(program.phases()).extracting(Phase::id)
                .containsExactly(DemoFirm.CHALLENGE, DemoFirm.VERIFICATION, DemoFirm.FUNDED);
        Phase funded = program.phase(DemoFirm.FUNDED);
        assertThat(funded.funded()).isTrue();
        assertThat(funded.payouts().splitPercent()).isEqualByComparingTo("80");
        assertThat(funded.payouts().intervalDays()).isEqualTo(4);
        assertThat(config.risk().copyTrading()).isNotNull();
        assertThat(config.risk().hedging()).isNotNull();
    }

    @Test
    void every_simulated_symbol_is_declared_with_its_contract_size_and_profit_currency() {
        Map<String, SymbolSpec> declared = FirmInTheLoop.DEMO_CONFIG.symbols();

        assertThat(declared.keySet()).isEqualTo(SimulatedSymbols.standardSet().stream()
                .map(SimulatedSymbol::name).collect(Collectors.toSet()));
        for (SimulatedSymbol symbol : SimulatedSymbols.standardSet()) {
            SymbolSpec spec = declared.get(symbol.name());
            assertThat(spec.contractSize()).isEqualByComparingTo(symbol.contractSize());
            assertThat(spec.profitCurrency()).isEqualTo(symbol.profitCurrency());
        }
    }

    @Test
    void the_opening_accounts_cover_the_roster_in_phases_of_the_demo_program() {
        List<DemoAccount> accounts = DemoFirm.openingAccounts();
        Program program = FirmInTheLoop.DEMO_CONFIG.program(DemoFirm.PROGRAM, null);

        assertThat(accounts).extracting(a -> a.trader().id())
                .containsExactlyElementsOf(SimulatedTraders.demoRoster().stream().map(SimulatedTrader::id).toList());
        assertThat(accounts).extracting(DemoAccount::account).doesNotHaveDuplicates();
        assertThat(accounts).allSatisfy(account -> {
            assertThat(program.phase(account.phase())).isNotNull();
            assertThat(account.funded()).isEqualTo(program.phase(account.phase()).funded());
            assertThat(account.balance()).isEqualByComparingTo(BigDecimal.valueOf(program.initialBalanceCents(), 2));
        });
        assertThat(accounts).extracting(DemoAccount::phase).contains(DemoFirm.CHALLENGE, DemoFirm.VERIFICATION,
                DemoFirm.FUNDED);
    }
}

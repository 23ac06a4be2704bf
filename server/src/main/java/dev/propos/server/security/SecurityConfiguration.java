package dev.propos.server.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Everything but health needs authentication: people with HTTP Basic, platforms and integrations
 * with a bearer API token. Roles decide what each may reach; a trader's own-accounts-only rule is
 * enforced where accounts are read ({@link PropOsUser#maySee}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = Role.STAFF;
    private static final String[] STAFF_AND_TRADERS = {"ADMIN", "RISK", "SUPPORT", "FINANCE", "TRADER"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserStore users, PasswordEncoder passwords) throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: every request carries its credentials
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(new UserAuthentication(users, passwords))
                .addFilterBefore(new ApiTokenFilter(users), BasicAuthenticationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Providers' webhooks authenticate by their signature, checked where they are read.
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/events").hasAnyRole("PLATFORM", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/programs/**").hasRole("ADMIN")
                        .requestMatchers("/api/users/**", "/api/tokens/**", "/api/audit/**").hasRole("ADMIN")
                        .requestMatchers("/api/journal/**", "/api/engine/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/traders/*/kyc/decision").hasAnyRole("ADMIN", "SUPPORT", "RISK")
                        .requestMatchers(HttpMethod.POST, "/api/traders/*/kyc/start").hasAnyRole(STAFF_AND_TRADERS)
                        .requestMatchers("/api/ledger/**", "/api/payments/**").hasAnyRole("FINANCE", "ADMIN")
                        // FINANCE reviews, approves and confirms payouts; traders ask through their account
                        .requestMatchers("/api/payouts/**").hasAnyRole("FINANCE", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/accounts/*/payouts").hasAnyRole(STAFF_AND_TRADERS)
                        .requestMatchers(HttpMethod.PUT, "/api/traders/*/bank").hasAnyRole("ADMIN", "SUPPORT", "FINANCE", "TRADER")
                        .requestMatchers(HttpMethod.POST, "/api/traders/**").hasAnyRole("ADMIN", "SUPPORT")
                        .requestMatchers(HttpMethod.GET, "/api/traders").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/accounts/**").hasAnyRole("ADMIN", "SUPPORT")
                        // People only (not platforms' tokens); a trader's reach is narrowed where it is read.
                        .requestMatchers("/api/traders/**", "/api/accounts/**", "/api/notifications/**")
                        .hasAnyRole(STAFF_AND_TRADERS)
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().authenticated());
        return http.build();
    }
}

package io.botcore.core.execution;

import static io.botcore.core.execution.ExecutionFixtures.BTC;
import static io.botcore.core.execution.ExecutionFixtures.dec;
import static io.botcore.core.execution.ExecutionFixtures.id;
import static io.botcore.core.execution.OrderStatus.CANCELED;
import static io.botcore.core.execution.OrderStatus.EXPIRED;
import static io.botcore.core.execution.OrderStatus.FILLED;
import static io.botcore.core.execution.OrderStatus.NEW;
import static io.botcore.core.execution.OrderStatus.PARTIALLY_FILLED;
import static io.botcore.core.execution.OrderStatus.PENDING_NEW;
import static io.botcore.core.execution.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            PENDING_NEW, EnumSet.of(NEW, REJECTED),
            NEW, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED),
            PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED),
            FILLED, EnumSet.noneOf(OrderStatus.class),
            CANCELED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            EXPIRED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void allowsExactlyTheTransitionsOfTheLifeCycle() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean legal = LEGAL.get(from).contains(to);
                assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(legal);
                if (legal) {
                    assertThat(from.transitionTo(to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.transitionTo(to)).isInstanceOf(IllegalStateException.class)
                            .hasMessage("illegal order status transition " + from + " -> " + to);
                }
            }
            assertThat(from.isTerminal()).isEqualTo(LEGAL.get(from).isEmpty());
        }
        assertThat(EnumSet.allOf(OrderStatus.class)).allMatch(s -> s.isOpen() == (s == NEW || s == PARTIALLY_FILLED));
    }

    @Test
    void anOrderMovesOnlyThroughItsStateMachine() {
        Order order = Order.pending(OrderRequest.market(id("o-1"), BTC, OrderSide.BUY, dec("1.0")));

        Order half = order.accepted().filled(dec("0.4"), dec("100")).filled(dec("0.2"), dec("110"));
        assertThat(half.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(half.remainingQuantity()).isEqualByComparingTo("0.4");
        // (0.4 * 100 + 0.2 * 110) / 0.6 = 62 / 0.6 = 103.333...
        assertThat(half.averagePrice()).isEqualByComparingTo("103.3333333333333333333333333333333");

        Order done = half.filled(dec("0.4"), dec("100"));
        assertThat(done.status()).isEqualTo(FILLED);
        assertThatThrownBy(done::canceled).hasMessage("illegal order status transition FILLED -> CANCELED");
        assertThatThrownBy(() -> half.filled(dec("0.5"), dec("100")))
                .hasMessage("fill of 0.5 exceeds the remaining 0.4 of order o-1");
        assertThatThrownBy(() -> order.filled(dec("0.1"), dec("100")))
                .hasMessage("illegal order status transition PENDING_NEW -> PARTIALLY_FILLED");
    }
}

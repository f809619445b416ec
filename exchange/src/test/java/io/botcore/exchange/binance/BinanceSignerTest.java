package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Binance's documented HMAC-SHA256 example ("SIGNED Endpoint Examples for POST /api/v3/order"). */
class BinanceSignerTest {

    private static final String DOCUMENTED_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String DOCUMENTED_QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1"
            + "&price=0.1&recvWindow=5000&timestamp=1499827319559";
    private static final String DOCUMENTED_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    private final BinanceSigner signer = new BinanceSigner(DOCUMENTED_SECRET);

    @Test
    void shouldReproduceBinancesDocumentedSignature() {
        assertThat(signer.sign(DOCUMENTED_QUERY)).isEqualTo(DOCUMENTED_SIGNATURE);
    }

    @Test
    void shouldVerifyOnlyTheExactParameters() {
        assertThat(signer.verify(DOCUMENTED_QUERY, DOCUMENTED_SIGNATURE)).isTrue();
        assertThat(signer.verify(DOCUMENTED_QUERY.replace("quantity=1", "quantity=2"), DOCUMENTED_SIGNATURE)).isFalse();
        assertThat(signer.verify(DOCUMENTED_QUERY, null)).isFalse();
    }

    @Test
    void shouldNeverShowTheSecret() {
        assertThat(signer.toString()).doesNotContain(DOCUMENTED_SECRET).contains("***");
    }

    @Test
    void shouldRefuseABlankSecret() {
        assertThatThrownBy(() -> new BinanceSigner(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
    }
}

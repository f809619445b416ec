/**
 * The risk policy every mode uses, backtest, paper and live alike: it sizes an entry as a share of equity and
 * refuses it, with a reason, when a limit says no (open positions, exposure, daily loss, cooldown after losses,
 * cash, exchange minimums). A refusal is a normal outcome and is returned, never thrown.
 */
package io.botcore.core.risk;

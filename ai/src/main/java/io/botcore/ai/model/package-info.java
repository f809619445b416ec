/**
 * Classifiers of direction with class probabilities, trained through Tribuo: multinomial logistic regression
 * (SGD with AdaGrad on standardised features) and gradient-boosted trees (XGBoost). Every spec carries its seed;
 * models are serialised as Tribuo protobuf.
 */
package io.botcore.ai.model;

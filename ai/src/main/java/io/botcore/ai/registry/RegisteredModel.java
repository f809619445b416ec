package io.botcore.ai.registry;

import io.botcore.ai.model.DirectionModel;
import java.util.Objects;

/**
 * A model loaded from the registry with its metadata; its file's hash was checked on loading.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the version's metadata
 * @param model    the model
 */
public record RegisteredModel(ModelMetadata metadata, DirectionModel model) {

    public RegisteredModel {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(model, "model");
    }
}

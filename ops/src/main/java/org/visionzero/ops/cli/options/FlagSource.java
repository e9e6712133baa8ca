package org.visionzero.ops.cli.options;

import java.util.Map;

/**
 * Settings a group of options computes from its flags, beyond the plain {@link ConfigKey} ones (a default that
 * depends on another option, one value under a command's own key).
 */
@FunctionalInterface
public interface FlagSource {

  void addTo(Map<String, String> flags);
}

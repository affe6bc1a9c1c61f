/**
 * Ansible-compatible inventories: users keep the inventories they have, and
 * {@code trustchain inventory --list} prints what {@code ansible-inventory --list} (ansible-core
 * 2.14) prints for the same file. The tests compare both against the real ansible-inventory.
 *
 * <p>Entry points: {@link io.trustchain.inventory.InventoryLoader} (file, INI, YAML, directory,
 * group_vars/host_vars, vault files) → {@link io.trustchain.inventory.Inventory};
 * {@link io.trustchain.inventory.HostPattern} (plays' {@code hosts:} and {@code --limit});
 * {@link io.trustchain.inventory.ConnectionSpecs} (templated vars → how to reach a host);
 * {@link io.trustchain.inventory.InventoryViews} ({@code --list} and {@code --graph} text).
 *
 * <p>Read as Ansible reads them: YAML plain scalars by YAML 1.1 rules ({@code yes} is true,
 * {@code 010} is 8), JSON files by JSON rules, INI values by Python's {@code ast.literal_eval},
 * host ranges and {@code host:port} keys, implicit {@code all}/{@code ungrouped}, variable
 * precedence (see {@link io.trustchain.inventory.InventoryAssembler}).
 *
 * <p>Where trustchain deliberately differs from Ansible:
 *
 * <ul>
 *   <li>It reports every problem at once with {@code file:line:col}; Ansible stops at the first.
 *   <li>Errors where Ansible only warns and skips: an unknown key in a YAML group (with a "did you
 *       mean"), a group or host-vars value that is not a mapping, a YAML inventory that is not a
 *       mapping. Ansible would silently drop part of the inventory.
 *   <li>A {@code .yml}/{@code .yaml}/{@code .json} file with broken YAML is reported as YAML;
 *       Ansible would go on to try it as INI. Duplicate keys are an error (Ansible keeps the last).
 *   <li>Warnings Ansible does not give: a {@code group_vars/}/{@code host_vars/} entry matching no
 *       group or host (with a "did you mean"), an {@code .ini}/{@code .cfg} file skipped inside an
 *       inventory directory.
 *   <li>Not supported (an error that says so): inventory scripts, inventory plugin configurations
 *       ({@code plugin:}), TOML inventories, comma-separated host lists given as {@code -i}.
 *   <li>Order: hosts always come in inventory order, the order they were first written (files of a
 *       directory in name order). Ansible orders a pattern's result by its terms ({@code db:web}
 *       lists db's hosts first), and the hosts of grandchild groups in an unspecified order.
 *   <li>No implicit {@code localhost}: a pattern naming {@code localhost} matches only an
 *       inventory host of that name.
 *   <li>A subscript out of range ({@code web[5]}) is reported as an unmatched term, like an
 *       unknown name; Ansible selects nothing.
 *   <li>YAML 1.1 timestamps stay strings ({@code 2024-01-31} prints the same either way; Ansible
 *       would print a datetime with a time part in ISO form). Merge keys ({@code <<}) are not
 *       supported.
 *   <li>{@code !secret} values, which Ansible cannot read, print as {@code "!secret SOURCE"}.
 * </ul>
 */
package io.trustchain.inventory;

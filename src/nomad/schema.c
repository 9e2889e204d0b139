/* schema.c — field tables of the job model (Nomad 0.12.12 api structs). */
#include "nomad/schema.h"

#include "nomad/job.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#define P true  /* Go pointer, slice or map */
#define V false /* Go value */
#define F(S, member, name, tag, kind, ptr, sub) \
    {name, tag, NOMAD_##kind, ptr, false, offsetof(struct S, member), sub}
#define TABLE(S, var, goname)                                              \
    const struct nomad_schema var = {goname, sizeof(struct S), var##_fields, \
                                     sizeof var##_fields / sizeof var##_fields[0]}

static const struct nomad_field nomad_schema_constraint_fields[] = {
    F(nomad_constraint, ltarget, "LTarget", NULL, STRING, V, NULL),
    F(nomad_constraint, rtarget, "RTarget", NULL, STRING, V, NULL),
    F(nomad_constraint, operand, "Operand", NULL, STRING, V, NULL),
};
TABLE(nomad_constraint, nomad_schema_constraint, "Constraint");

static const struct nomad_field nomad_schema_affinity_fields[] = {
    F(nomad_affinity, ltarget, "LTarget", NULL, STRING, V, NULL),
    F(nomad_affinity, rtarget, "RTarget", NULL, STRING, V, NULL),
    F(nomad_affinity, operand, "Operand", NULL, STRING, V, NULL),
    F(nomad_affinity, weight, "Weight", "weight", INT8, P, NULL),
};
TABLE(nomad_affinity, nomad_schema_affinity, "Affinity");

static const struct nomad_field nomad_schema_spread_target_fields[] = {
    F(nomad_spread_target, value, "Value", "value", STRING, V, NULL),
    F(nomad_spread_target, percent, "Percent", "percent", UINT8, V, NULL),
};
TABLE(nomad_spread_target, nomad_schema_spread_target, "SpreadTarget");

static const struct nomad_field nomad_schema_spread_fields[] = {
    F(nomad_spread, attribute, "Attribute", "attribute", STRING, V, NULL),
    F(nomad_spread, weight, "Weight", "weight", INT8, P, NULL),
    F(nomad_spread, targets, "SpreadTarget", "target", LIST, P, &nomad_schema_spread_target),
};
TABLE(nomad_spread, nomad_schema_spread, "Spread");

static const struct nomad_field nomad_schema_update_fields[] = {
    F(nomad_update, stagger, "Stagger", "stagger", DURATION, P, NULL),
    F(nomad_update, max_parallel, "MaxParallel", "max_parallel", INT, P, NULL),
    F(nomad_update, health_check, "HealthCheck", "health_check", STRING, P, NULL),
    F(nomad_update, min_healthy_time, "MinHealthyTime", "min_healthy_time", DURATION, P, NULL),
    F(nomad_update, healthy_deadline, "HealthyDeadline", "healthy_deadline", DURATION, P, NULL),
    F(nomad_update, progress_deadline, "ProgressDeadline", "progress_deadline", DURATION, P, NULL),
    F(nomad_update, canary, "Canary", "canary", INT, P, NULL),
    F(nomad_update, auto_revert, "AutoRevert", "auto_revert", BOOL, P, NULL),
    F(nomad_update, auto_promote, "AutoPromote", "auto_promote", BOOL, P, NULL),
};
TABLE(nomad_update, nomad_schema_update, "UpdateStrategy");

static const struct nomad_field nomad_schema_migrate_fields[] = {
    F(nomad_migrate, max_parallel, "MaxParallel", "max_parallel", INT, P, NULL),
    F(nomad_migrate, health_check, "HealthCheck", "health_check", STRING, P, NULL),
    F(nomad_migrate, min_healthy_time, "MinHealthyTime", "min_healthy_time", DURATION, P, NULL),
    F(nomad_migrate, healthy_deadline, "HealthyDeadline", "healthy_deadline", DURATION, P, NULL),
};
TABLE(nomad_migrate, nomad_schema_migrate, "MigrateStrategy");

static const struct nomad_field nomad_schema_reschedule_fields[] = {
    F(nomad_reschedule, attempts, "Attempts", "attempts", INT, P, NULL),
    F(nomad_reschedule, interval, "Interval", "interval", DURATION, P, NULL),
    F(nomad_reschedule, delay, "Delay", "delay", DURATION, P, NULL),
    F(nomad_reschedule, delay_function, "DelayFunction", "delay_function", STRING, P, NULL),
    F(nomad_reschedule, max_delay, "MaxDelay", "max_delay", DURATION, P, NULL),
    F(nomad_reschedule, unlimited, "Unlimited", "unlimited", BOOL, P, NULL),
};
TABLE(nomad_reschedule, nomad_schema_reschedule, "ReschedulePolicy");

static const struct nomad_field nomad_schema_restart_fields[] = {
    F(nomad_restart, interval, "Interval", NULL, DURATION, P, NULL),
    F(nomad_restart, attempts, "Attempts", NULL, INT, P, NULL),
    F(nomad_restart, delay, "Delay", NULL, DURATION, P, NULL),
    F(nomad_restart, mode, "Mode", NULL, STRING, P, NULL),
};
TABLE(nomad_restart, nomad_schema_restart, "RestartPolicy");

static const struct nomad_field nomad_schema_periodic_fields[] = {
    F(nomad_periodic, enabled, "Enabled", NULL, BOOL, P, NULL),
    F(nomad_periodic, spec, "Spec", NULL, STRING, P, NULL),
    F(nomad_periodic, spec_type, "SpecType", NULL, STRING, P, NULL),
    F(nomad_periodic, prohibit_overlap, "ProhibitOverlap", "prohibit_overlap", BOOL, P, NULL),
    F(nomad_periodic, time_zone, "TimeZone", "time_zone", STRING, P, NULL),
};
TABLE(nomad_periodic, nomad_schema_periodic, "PeriodicConfig");

static const struct nomad_field nomad_schema_parameterized_fields[] = {
    F(nomad_parameterized, payload, "Payload", NULL, STRING, V, NULL),
    F(nomad_parameterized, meta_required, "MetaRequired", "meta_required", STRINGS, P, NULL),
    F(nomad_parameterized, meta_optional, "MetaOptional", "meta_optional", STRINGS, P, NULL),
};
TABLE(nomad_parameterized, nomad_schema_parameterized, "ParameterizedJobConfig");

static const struct nomad_field nomad_schema_multiregion_strategy_fields[] = {
    F(nomad_multiregion_strategy, max_parallel, "MaxParallel", "max_parallel", INT, P, NULL),
    F(nomad_multiregion_strategy, on_failure, "OnFailure", "on_failure", STRING, P, NULL),
};
TABLE(nomad_multiregion_strategy, nomad_schema_multiregion_strategy, "MultiregionStrategy");

static const struct nomad_field nomad_schema_multiregion_region_fields[] = {
    F(nomad_multiregion_region, name, "Name", NULL, STRING, V, NULL),
    F(nomad_multiregion_region, count, "Count", NULL, INT, P, NULL),
    F(nomad_multiregion_region, datacenters, "Datacenters", NULL, STRINGS, P, NULL),
    F(nomad_multiregion_region, meta, "Meta", NULL, MAP, P, NULL),
};
TABLE(nomad_multiregion_region, nomad_schema_multiregion_region, "MultiregionRegion");

static const struct nomad_field nomad_schema_multiregion_fields[] = {
    F(nomad_multiregion, strategy, "Strategy", NULL, STRUCT, P, &nomad_schema_multiregion_strategy),
    F(nomad_multiregion, regions, "Regions", NULL, LIST, P, &nomad_schema_multiregion_region),
};
TABLE(nomad_multiregion, nomad_schema_multiregion, "Multiregion");

static const struct nomad_field nomad_schema_ephemeral_disk_fields[] = {
    F(nomad_ephemeral_disk, sticky, "Sticky", NULL, BOOL, P, NULL),
    F(nomad_ephemeral_disk, migrate, "Migrate", NULL, BOOL, P, NULL),
    F(nomad_ephemeral_disk, size, "SizeMB", "size", INT, P, NULL),
};
TABLE(nomad_ephemeral_disk, nomad_schema_ephemeral_disk, "EphemeralDisk");

static const struct nomad_field nomad_schema_mount_options_fields[] = {
    F(nomad_mount_options, fs_type, "FSType", "fs_type", STRING, V, NULL),
    F(nomad_mount_options, mount_flags, "MountFlags", "mount_flags", STRINGS, P, NULL),
};
TABLE(nomad_mount_options, nomad_schema_mount_options, "CSIMountOptions");

static const struct nomad_field nomad_schema_volume_fields[] = {
    F(nomad_volume, name, "Name", NULL, STRING, V, NULL),
    F(nomad_volume, type, "Type", NULL, STRING, V, NULL),
    F(nomad_volume, source, "Source", NULL, STRING, V, NULL),
    F(nomad_volume, read_only, "ReadOnly", "read_only", BOOL, V, NULL),
    F(nomad_volume, mount_options, "MountOptions", "mount_options", STRUCT, P, &nomad_schema_mount_options),
};
TABLE(nomad_volume, nomad_schema_volume, "VolumeRequest");

static const struct nomad_field nomad_schema_port_fields[] = {
    F(nomad_port, label, "Label", NULL, STRING, V, NULL),
    F(nomad_port, value, "Value", "static", INT, V, NULL),
    F(nomad_port, to, "To", "to", INT, V, NULL),
    F(nomad_port, host_network, "HostNetwork", "host_network", STRING, V, NULL),
};
TABLE(nomad_port, nomad_schema_port, "Port");

static const struct nomad_field nomad_schema_dns_fields[] = {
    F(nomad_dns, servers, "Servers", "servers", STRINGS, P, NULL),
    F(nomad_dns, searches, "Searches", "searches", STRINGS, P, NULL),
    F(nomad_dns, options, "Options", "options", STRINGS, P, NULL),
};
TABLE(nomad_dns, nomad_schema_dns, "DNSConfig");

static const struct nomad_field nomad_schema_network_fields[] = {
    F(nomad_network, mode, "Mode", NULL, STRING, V, NULL),
    F(nomad_network, device, "Device", NULL, STRING, V, NULL),
    F(nomad_network, cidr, "CIDR", NULL, STRING, V, NULL),
    F(nomad_network, ip, "IP", NULL, STRING, V, NULL),
    F(nomad_network, dns, "DNS", NULL, STRUCT, P, &nomad_schema_dns),
    F(nomad_network, reserved_ports, "ReservedPorts", NULL, LIST, P, &nomad_schema_port),
    F(nomad_network, dynamic_ports, "DynamicPorts", NULL, LIST, P, &nomad_schema_port),
    F(nomad_network, mbits, "MBits", NULL, INT, P, NULL),
};
TABLE(nomad_network, nomad_schema_network, "NetworkResource");

static const struct nomad_field nomad_schema_device_fields[] = {
    F(nomad_device, name, "Name", NULL, STRING, V, NULL),
    F(nomad_device, count, "Count", NULL, UINT, P, NULL),
    F(nomad_device, constraints, "Constraints", NULL, LIST, P, &nomad_schema_constraint),
    F(nomad_device, affinities, "Affinities", NULL, LIST, P, &nomad_schema_affinity),
};
TABLE(nomad_device, nomad_schema_device, "RequestedDevice");

static const struct nomad_field nomad_schema_resources_fields[] = {
    F(nomad_resources, cpu, "CPU", NULL, INT, P, NULL),
    F(nomad_resources, memory, "MemoryMB", "memory", INT, P, NULL),
    F(nomad_resources, disk, "DiskMB", "disk", INT, P, NULL),
    F(nomad_resources, networks, "Networks", NULL, LIST, P, &nomad_schema_network),
    F(nomad_resources, devices, "Devices", NULL, LIST, P, &nomad_schema_device),
    F(nomad_resources, iops, "IOPS", NULL, INT, P, NULL),
};
TABLE(nomad_resources, nomad_schema_resources, "Resources");

static const struct nomad_field nomad_schema_logs_fields[] = {
    F(nomad_logs, max_files, "MaxFiles", "max_files", INT, P, NULL),
    F(nomad_logs, max_file_size, "MaxFileSizeMB", "max_file_size", INT, P, NULL),
};
TABLE(nomad_logs, nomad_schema_logs, "LogConfig");

static const struct nomad_field nomad_schema_check_restart_fields[] = {
    F(nomad_check_restart, limit, "Limit", "limit", INT, V, NULL),
    F(nomad_check_restart, grace, "Grace", "grace", DURATION, P, NULL),
    F(nomad_check_restart, ignore_warnings, "IgnoreWarnings", "ignore_warnings", BOOL, V, NULL),
};
TABLE(nomad_check_restart, nomad_schema_check_restart, "CheckRestart");

static const struct nomad_field nomad_schema_check_fields[] = {
    F(nomad_check, id, "Id", NULL, STRING, V, NULL),
    F(nomad_check, name, "Name", NULL, STRING, V, NULL),
    F(nomad_check, type, "Type", NULL, STRING, V, NULL),
    F(nomad_check, command, "Command", NULL, STRING, V, NULL),
    F(nomad_check, args, "Args", NULL, STRINGS, P, NULL),
    F(nomad_check, path, "Path", NULL, STRING, V, NULL),
    F(nomad_check, protocol, "Protocol", NULL, STRING, V, NULL),
    F(nomad_check, port, "PortLabel", "port", STRING, V, NULL),
    F(nomad_check, expose, "Expose", NULL, BOOL, V, NULL),
    F(nomad_check, address_mode, "AddressMode", "address_mode", STRING, V, NULL),
    F(nomad_check, interval, "Interval", NULL, DURATION, V, NULL),
    F(nomad_check, timeout, "Timeout", NULL, DURATION, V, NULL),
    F(nomad_check, initial_status, "InitialStatus", "initial_status", STRING, V, NULL),
    F(nomad_check, tls_skip_verify, "TLSSkipVerify", "tls_skip_verify", BOOL, V, NULL),
    F(nomad_check, header, "Header", NULL, HEADERS, P, NULL),
    F(nomad_check, method, "Method", NULL, STRING, V, NULL),
    F(nomad_check, check_restart, "CheckRestart", "check_restart", STRUCT, P, &nomad_schema_check_restart),
    F(nomad_check, grpc_service, "GRPCService", "grpc_service", STRING, V, NULL),
    F(nomad_check, grpc_use_tls, "GRPCUseTLS", "grpc_use_tls", BOOL, V, NULL),
    F(nomad_check, task, "TaskName", "task", STRING, V, NULL),
    F(nomad_check, success_before_passing, "SuccessBeforePassing", "success_before_passing", INT, V, NULL),
    F(nomad_check, failures_before_critical, "FailuresBeforeCritical", "failures_before_critical", INT, V, NULL),
};
TABLE(nomad_check, nomad_schema_check, "ServiceCheck");

static const struct nomad_field nomad_schema_upstream_fields[] = {
    F(nomad_upstream, destination_name, "DestinationName", "destination_name", STRING, V, NULL),
    F(nomad_upstream, local_bind_port, "LocalBindPort", "local_bind_port", INT, V, NULL),
};
TABLE(nomad_upstream, nomad_schema_upstream, "ConsulUpstream");

static const struct nomad_field nomad_schema_expose_path_fields[] = {
    F(nomad_expose_path, path, "Path", "path", STRING, V, NULL),
    F(nomad_expose_path, protocol, "Protocol", "protocol", STRING, V, NULL),
    F(nomad_expose_path, local_path_port, "LocalPathPort", "local_path_port", INT, V, NULL),
    F(nomad_expose_path, listener_port, "ListenerPort", "listener_port", STRING, V, NULL),
};
TABLE(nomad_expose_path, nomad_schema_expose_path, "ConsulExposePath");

static const struct nomad_field nomad_schema_expose_fields[] = {
    F(nomad_expose, paths, "Path", "path", LIST, P, &nomad_schema_expose_path),
};
TABLE(nomad_expose, nomad_schema_expose, "ConsulExposeConfig");

static const struct nomad_field nomad_schema_proxy_fields[] = {
    F(nomad_proxy, local_service_address, "LocalServiceAddress", "local_service_address", STRING, V, NULL),
    F(nomad_proxy, local_service_port, "LocalServicePort", "local_service_port", INT, V, NULL),
    F(nomad_proxy, expose, "ExposeConfig", "expose", STRUCT, P, &nomad_schema_expose),
    F(nomad_proxy, upstreams, "Upstreams", NULL, LIST, P, &nomad_schema_upstream),
    F(nomad_proxy, config, "Config", NULL, OPAQUE, P, NULL),
};
TABLE(nomad_proxy, nomad_schema_proxy, "ConsulProxy");

static const struct nomad_field nomad_schema_sidecar_service_fields[] = {
    F(nomad_sidecar_service, tags, "Tags", NULL, STRINGS, P, NULL),
    F(nomad_sidecar_service, port, "Port", NULL, STRING, V, NULL),
    F(nomad_sidecar_service, proxy, "Proxy", NULL, STRUCT, P, &nomad_schema_proxy),
};
TABLE(nomad_sidecar_service, nomad_schema_sidecar_service, "ConsulSidecarService");

static const struct nomad_field nomad_schema_sidecar_task_fields[] = {
    F(nomad_sidecar_task, name, "Name", NULL, STRING, V, NULL),
    F(nomad_sidecar_task, driver, "Driver", NULL, STRING, V, NULL),
    F(nomad_sidecar_task, user, "User", NULL, STRING, V, NULL),
    F(nomad_sidecar_task, config, "Config", NULL, OPAQUE, P, NULL),
    F(nomad_sidecar_task, env, "Env", NULL, MAP, P, NULL),
    F(nomad_sidecar_task, resources, "Resources", NULL, STRUCT, P, &nomad_schema_resources),
    F(nomad_sidecar_task, meta, "Meta", NULL, MAP, P, NULL),
    F(nomad_sidecar_task, kill_timeout, "KillTimeout", "kill_timeout", DURATION, P, NULL),
    F(nomad_sidecar_task, logs, "LogConfig", "logs", STRUCT, P, &nomad_schema_logs),
    F(nomad_sidecar_task, shutdown_delay, "ShutdownDelay", "shutdown_delay", DURATION, P, NULL),
    F(nomad_sidecar_task, kill_signal, "KillSignal", "kill_signal", STRING, V, NULL),
};
TABLE(nomad_sidecar_task, nomad_schema_sidecar_task, "SidecarTask");

static const struct nomad_field nomad_schema_bind_address_fields[] = {
    F(nomad_bind_address, name, "Name", NULL, STRING, V, NULL),
    F(nomad_bind_address, address, "Address", NULL, STRING, V, NULL),
    F(nomad_bind_address, port, "Port", NULL, INT, V, NULL),
};
TABLE(nomad_bind_address, nomad_schema_bind_address, "ConsulGatewayBindAddress");

static const struct nomad_field nomad_schema_gateway_proxy_fields[] = {
    F(nomad_gateway_proxy, connect_timeout, "ConnectTimeout", "connect_timeout", DURATION, P, NULL),
    F(nomad_gateway_proxy, envoy_gateway_bind_tagged_addresses, "EnvoyGatewayBindTaggedAddresses",
      "envoy_gateway_bind_tagged_addresses", BOOL, V, NULL),
    F(nomad_gateway_proxy, envoy_gateway_bind_addresses, "EnvoyGatewayBindAddresses",
      "envoy_gateway_bind_addresses", NAMED_MAP, P, &nomad_schema_bind_address),
    F(nomad_gateway_proxy, envoy_gateway_no_default_bind, "EnvoyGatewayNoDefaultBind",
      "envoy_gateway_no_default_bind", BOOL, V, NULL),
    F(nomad_gateway_proxy, config, "Config", NULL, OPAQUE, P, NULL),
};
TABLE(nomad_gateway_proxy, nomad_schema_gateway_proxy, "ConsulGatewayProxy");

static const struct nomad_field nomad_schema_ingress_service_fields[] = {
    F(nomad_ingress_service, name, "Name", NULL, STRING, V, NULL),
    F(nomad_ingress_service, hosts, "Hosts", NULL, STRINGS, P, NULL),
};
TABLE(nomad_ingress_service, nomad_schema_ingress_service, "ConsulIngressService");

static const struct nomad_field nomad_schema_ingress_listener_fields[] = {
    F(nomad_ingress_listener, port, "Port", NULL, INT, V, NULL),
    F(nomad_ingress_listener, protocol, "Protocol", NULL, STRING, V, NULL),
    F(nomad_ingress_listener, services, "Services", NULL, LIST, P, &nomad_schema_ingress_service),
};
TABLE(nomad_ingress_listener, nomad_schema_ingress_listener, "ConsulIngressListener");

static const struct nomad_field nomad_schema_gateway_tls_fields[] = {
    F(nomad_gateway_tls, enabled, "Enabled", NULL, BOOL, V, NULL),
};
TABLE(nomad_gateway_tls, nomad_schema_gateway_tls, "ConsulGatewayTLSConfig");

static const struct nomad_field nomad_schema_ingress_fields[] = {
    F(nomad_ingress, tls, "TLS", NULL, STRUCT, P, &nomad_schema_gateway_tls),
    F(nomad_ingress, listeners, "Listeners", NULL, LIST, P, &nomad_schema_ingress_listener),
};
TABLE(nomad_ingress, nomad_schema_ingress, "ConsulIngressConfigEntry");

static const struct nomad_field nomad_schema_gateway_fields[] = {
    F(nomad_gateway, proxy, "Proxy", NULL, STRUCT, P, &nomad_schema_gateway_proxy),
    F(nomad_gateway, ingress, "Ingress", NULL, STRUCT, P, &nomad_schema_ingress),
};
TABLE(nomad_gateway, nomad_schema_gateway, "ConsulGateway");

static const struct nomad_field nomad_schema_connect_fields[] = {
    F(nomad_connect, native, "Native", NULL, BOOL, V, NULL),
    F(nomad_connect, gateway, "Gateway", NULL, STRUCT, P, &nomad_schema_gateway),
    F(nomad_connect, sidecar_service, "SidecarService", "sidecar_service", STRUCT, P, &nomad_schema_sidecar_service),
    F(nomad_connect, sidecar_task, "SidecarTask", "sidecar_task", STRUCT, P, &nomad_schema_sidecar_task),
};
TABLE(nomad_connect, nomad_schema_connect, "ConsulConnect");

static const struct nomad_field nomad_schema_service_fields[] = {
    F(nomad_service, id, "Id", NULL, STRING, V, NULL),
    F(nomad_service, name, "Name", NULL, STRING, V, NULL),
    F(nomad_service, tags, "Tags", NULL, STRINGS, P, NULL),
    F(nomad_service, canary_tags, "CanaryTags", "canary_tags", STRINGS, P, NULL),
    F(nomad_service, enable_tag_override, "EnableTagOverride", "enable_tag_override", BOOL, V, NULL),
    F(nomad_service, port, "PortLabel", "port", STRING, V, NULL),
    F(nomad_service, address_mode, "AddressMode", "address_mode", STRING, V, NULL),
    F(nomad_service, checks, "Checks", NULL, LIST, P, &nomad_schema_check),
    F(nomad_service, check_restart, "CheckRestart", "check_restart", STRUCT, P, &nomad_schema_check_restart),
    F(nomad_service, connect, "Connect", NULL, STRUCT, P, &nomad_schema_connect),
    F(nomad_service, meta, "Meta", NULL, MAP, P, NULL),
    F(nomad_service, canary_meta, "CanaryMeta", NULL, MAP, P, NULL),
    F(nomad_service, task, "TaskName", "task", STRING, V, NULL),
};
TABLE(nomad_service, nomad_schema_service, "Service");

static const struct nomad_field nomad_schema_artifact_fields[] = {
    F(nomad_artifact, source, "GetterSource", "source", STRING, P, NULL),
    F(nomad_artifact, options, "GetterOptions", "options", MAP, P, NULL),
    F(nomad_artifact, mode, "GetterMode", "mode", STRING, P, NULL),
    F(nomad_artifact, destination, "RelativeDest", "destination", STRING, P, NULL),
};
TABLE(nomad_artifact, nomad_schema_artifact, "TaskArtifact");

static const struct nomad_field nomad_schema_template_fields[] = {
    F(nomad_template, source, "SourcePath", "source", STRING, P, NULL),
    F(nomad_template, destination, "DestPath", "destination", STRING, P, NULL),
    F(nomad_template, data, "EmbeddedTmpl", "data", STRING, P, NULL),
    F(nomad_template, change_mode, "ChangeMode", "change_mode", STRING, P, NULL),
    F(nomad_template, change_signal, "ChangeSignal", "change_signal", STRING, P, NULL),
    F(nomad_template, splay, "Splay", "splay", DURATION, P, NULL),
    F(nomad_template, perms, "Perms", "perms", STRING, P, NULL),
    F(nomad_template, left_delimiter, "LeftDelim", "left_delimiter", STRING, P, NULL),
    F(nomad_template, right_delimiter, "RightDelim", "right_delimiter", STRING, P, NULL),
    F(nomad_template, env, "Envvars", "env", BOOL, P, NULL),
    F(nomad_template, vault_grace, "VaultGrace", "vault_grace", DURATION, P, NULL),
};
TABLE(nomad_template, nomad_schema_template, "Template");

static const struct nomad_field nomad_schema_vault_fields[] = {
    F(nomad_vault, policies, "Policies", NULL, STRINGS, P, NULL),
    F(nomad_vault, namespace_, "Namespace", NULL, STRING, P, NULL),
    F(nomad_vault, env, "Env", NULL, BOOL, P, NULL),
    F(nomad_vault, change_mode, "ChangeMode", "change_mode", STRING, P, NULL),
    F(nomad_vault, change_signal, "ChangeSignal", "change_signal", STRING, P, NULL),
};
TABLE(nomad_vault, nomad_schema_vault, "Vault");

static const struct nomad_field nomad_schema_volume_mount_fields[] = {
    F(nomad_volume_mount, volume, "Volume", NULL, STRING, P, NULL),
    F(nomad_volume_mount, destination, "Destination", NULL, STRING, P, NULL),
    F(nomad_volume_mount, read_only, "ReadOnly", "read_only", BOOL, P, NULL),
    F(nomad_volume_mount, propagation_mode, "PropagationMode", "propagation_mode", STRING, P, NULL),
};
TABLE(nomad_volume_mount, nomad_schema_volume_mount, "VolumeMount");

static const struct nomad_field nomad_schema_lifecycle_fields[] = {
    F(nomad_lifecycle, hook, "Hook", "hook", STRING, V, NULL),
    F(nomad_lifecycle, sidecar, "Sidecar", "sidecar", BOOL, V, NULL),
};
TABLE(nomad_lifecycle, nomad_schema_lifecycle, "TaskLifecycle");

static const struct nomad_field nomad_schema_csi_plugin_fields[] = {
    F(nomad_csi_plugin, id, "ID", "id", STRING, V, NULL),
    F(nomad_csi_plugin, type, "Type", "type", STRING, V, NULL),
    F(nomad_csi_plugin, mount_dir, "MountDir", "mount_dir", STRING, V, NULL),
};
TABLE(nomad_csi_plugin, nomad_schema_csi_plugin, "TaskCSIPluginConfig");

static const struct nomad_field nomad_schema_dispatch_payload_fields[] = {
    F(nomad_dispatch_payload, file, "File", NULL, STRING, V, NULL),
};
TABLE(nomad_dispatch_payload, nomad_schema_dispatch_payload, "DispatchPayloadConfig");

static const struct nomad_field nomad_schema_scaling_fields[] = {
    F(nomad_scaling, id, "ID", NULL, STRING, V, NULL),
    F(nomad_scaling, namespace_, "Namespace", NULL, STRING, V, NULL),
    F(nomad_scaling, target, "Target", NULL, MAP, P, NULL),
    F(nomad_scaling, min, "Min", NULL, INT, P, NULL),
    F(nomad_scaling, max, "Max", NULL, INT, P, NULL),
    F(nomad_scaling, policy, "Policy", NULL, OPAQUE, P, NULL),
    F(nomad_scaling, enabled, "Enabled", NULL, BOOL, P, NULL),
    F(nomad_scaling, create_index, "CreateIndex", NULL, UINT, V, NULL),
    F(nomad_scaling, modify_index, "ModifyIndex", NULL, UINT, V, NULL),
};
TABLE(nomad_scaling, nomad_schema_scaling, "ScalingPolicy");

static const struct nomad_field nomad_schema_task_fields[] = {
    F(nomad_task, name, "Name", NULL, STRING, V, NULL),
    F(nomad_task, driver, "Driver", NULL, STRING, V, NULL),
    F(nomad_task, user, "User", NULL, STRING, V, NULL),
    F(nomad_task, lifecycle, "Lifecycle", NULL, STRUCT, P, &nomad_schema_lifecycle),
    F(nomad_task, config, "Config", NULL, OPAQUE, P, NULL),
    F(nomad_task, constraints, "Constraints", NULL, LIST, P, &nomad_schema_constraint),
    F(nomad_task, affinities, "Affinities", NULL, LIST, P, &nomad_schema_affinity),
    F(nomad_task, env, "Env", NULL, MAP, P, NULL),
    F(nomad_task, services, "Services", NULL, LIST, P, &nomad_schema_service),
    F(nomad_task, resources, "Resources", NULL, STRUCT, P, &nomad_schema_resources),
    F(nomad_task, restart, "RestartPolicy", NULL, STRUCT, P, &nomad_schema_restart),
    F(nomad_task, meta, "Meta", NULL, MAP, P, NULL),
    F(nomad_task, kill_timeout, "KillTimeout", "kill_timeout", DURATION, P, NULL),
    F(nomad_task, logs, "LogConfig", "logs", STRUCT, P, &nomad_schema_logs),
    F(nomad_task, artifacts, "Artifacts", NULL, LIST, P, &nomad_schema_artifact),
    F(nomad_task, vault, "Vault", NULL, STRUCT, P, &nomad_schema_vault),
    F(nomad_task, templates, "Templates", NULL, LIST, P, &nomad_schema_template),
    F(nomad_task, dispatch_payload, "DispatchPayload", NULL, STRUCT, P, &nomad_schema_dispatch_payload),
    F(nomad_task, volume_mounts, "VolumeMounts", NULL, LIST, P, &nomad_schema_volume_mount),
    {"CSIPluginConfig", "csi_plugin", NOMAD_STRUCT, true, true,
     offsetof(struct nomad_task, csi_plugin), &nomad_schema_csi_plugin},
    F(nomad_task, leader, "Leader", NULL, BOOL, V, NULL),
    F(nomad_task, shutdown_delay, "ShutdownDelay", "shutdown_delay", DURATION, V, NULL),
    F(nomad_task, kill_signal, "KillSignal", "kill_signal", STRING, V, NULL),
    F(nomad_task, kind, "Kind", NULL, STRING, V, NULL),
};
TABLE(nomad_task, nomad_schema_task, "Task");

static const struct nomad_field nomad_schema_group_fields[] = {
    F(nomad_group, name, "Name", NULL, STRING, P, NULL),
    F(nomad_group, count, "Count", NULL, INT, P, NULL),
    F(nomad_group, constraints, "Constraints", NULL, LIST, P, &nomad_schema_constraint),
    F(nomad_group, affinities, "Affinities", NULL, LIST, P, &nomad_schema_affinity),
    F(nomad_group, tasks, "Tasks", NULL, LIST, P, &nomad_schema_task),
    F(nomad_group, spreads, "Spreads", NULL, LIST, P, &nomad_schema_spread),
    F(nomad_group, volumes, "Volumes", NULL, NAMED_MAP, P, &nomad_schema_volume),
    F(nomad_group, restart, "RestartPolicy", NULL, STRUCT, P, &nomad_schema_restart),
    F(nomad_group, reschedule, "ReschedulePolicy", NULL, STRUCT, P, &nomad_schema_reschedule),
    F(nomad_group, ephemeral_disk, "EphemeralDisk", NULL, STRUCT, P, &nomad_schema_ephemeral_disk),
    F(nomad_group, update, "Update", NULL, STRUCT, P, &nomad_schema_update),
    F(nomad_group, migrate, "Migrate", NULL, STRUCT, P, &nomad_schema_migrate),
    F(nomad_group, networks, "Networks", NULL, LIST, P, &nomad_schema_network),
    F(nomad_group, meta, "Meta", NULL, MAP, P, NULL),
    F(nomad_group, services, "Services", NULL, LIST, P, &nomad_schema_service),
    F(nomad_group, shutdown_delay, "ShutdownDelay", "shutdown_delay", DURATION, P, NULL),
    F(nomad_group, stop_after_client_disconnect, "StopAfterClientDisconnect",
      "stop_after_client_disconnect", DURATION, P, NULL),
    F(nomad_group, scaling, "Scaling", NULL, STRUCT, P, &nomad_schema_scaling),
};
TABLE(nomad_group, nomad_schema_group, "TaskGroup");

static const struct nomad_field nomad_schema_job_fields[] = {
    F(nomad_job, stop, "Stop", NULL, BOOL, P, NULL),
    F(nomad_job, region, "Region", NULL, STRING, P, NULL),
    F(nomad_job, namespace_, "Namespace", NULL, STRING, P, NULL),
    F(nomad_job, id, "ID", NULL, STRING, P, NULL),
    F(nomad_job, parent_id, "ParentID", NULL, STRING, P, NULL),
    F(nomad_job, name, "Name", NULL, STRING, P, NULL),
    F(nomad_job, type, "Type", NULL, STRING, P, NULL),
    F(nomad_job, priority, "Priority", NULL, INT, P, NULL),
    F(nomad_job, all_at_once, "AllAtOnce", "all_at_once", BOOL, P, NULL),
    F(nomad_job, datacenters, "Datacenters", NULL, STRINGS, P, NULL),
    F(nomad_job, constraints, "Constraints", NULL, LIST, P, &nomad_schema_constraint),
    F(nomad_job, affinities, "Affinities", NULL, LIST, P, &nomad_schema_affinity),
    F(nomad_job, groups, "TaskGroups", NULL, LIST, P, &nomad_schema_group),
    F(nomad_job, update, "Update", NULL, STRUCT, P, &nomad_schema_update),
    F(nomad_job, multiregion, "Multiregion", NULL, STRUCT, P, &nomad_schema_multiregion),
    F(nomad_job, spreads, "Spreads", NULL, LIST, P, &nomad_schema_spread),
    F(nomad_job, periodic, "Periodic", NULL, STRUCT, P, &nomad_schema_periodic),
    F(nomad_job, parameterized, "ParameterizedJob", NULL, STRUCT, P, &nomad_schema_parameterized),
    F(nomad_job, dispatched, "Dispatched", NULL, BOOL, V, NULL),
    F(nomad_job, payload, "Payload", NULL, BYTES, P, NULL),
    F(nomad_job, reschedule, "Reschedule", NULL, STRUCT, P, &nomad_schema_reschedule),
    F(nomad_job, migrate, "Migrate", NULL, STRUCT, P, &nomad_schema_migrate),
    F(nomad_job, meta, "Meta", NULL, MAP, P, NULL),
    F(nomad_job, consul_token, "ConsulToken", "consul_token", STRING, P, NULL),
    F(nomad_job, vault_token, "VaultToken", "vault_token", STRING, P, NULL),
    F(nomad_job, vault_namespace, "VaultNamespace", "vault_namespace", STRING, P, NULL),
    F(nomad_job, nomad_token_id, "NomadTokenID", "nomad_token_id", STRING, P, NULL),
    F(nomad_job, status, "Status", NULL, STRING, P, NULL),
    F(nomad_job, status_description, "StatusDescription", NULL, STRING, P, NULL),
    F(nomad_job, stable, "Stable", NULL, BOOL, P, NULL),
    F(nomad_job, version, "Version", NULL, UINT, P, NULL),
    F(nomad_job, submit_time, "SubmitTime", NULL, INT, P, NULL),
    F(nomad_job, create_index, "CreateIndex", NULL, UINT, P, NULL),
    F(nomad_job, modify_index, "ModifyIndex", NULL, UINT, P, NULL),
    F(nomad_job, job_modify_index, "JobModifyIndex", NULL, UINT, P, NULL),
};
TABLE(nomad_job, nomad_schema_job, "Job");

/* (the first bytes are compared first: most names differ there) */
static bool same(const char *a, const char *b, size_t len) {
    if (len == 0)
        return a[0] == '\0';
    return a[0] == b[0] && strlen(a) == len && memcmp(a, b, len) == 0;
}

static bool same_fold(const char *a, const char *b, size_t len) {
    if (len == 0)
        return a[0] == '\0';
    return tolower((unsigned char)a[0]) == tolower((unsigned char)b[0]) && strlen(a) == len &&
           strncasecmp(a, b, len) == 0;
}

const struct nomad_field *nomad_schema_find_key(const struct nomad_schema *s,
                                                const char *key, size_t len) {
    for (size_t i = 0; i < s->count; i++) {
        const struct nomad_field *f = &s->fields[i];
        if (same(f->tag ? f->tag : f->name, key, len))
            return f;
    }
    for (size_t i = 0; i < s->count; i++) {
        const struct nomad_field *f = &s->fields[i];
        if (same_fold(f->tag ? f->tag : f->name, key, len))
            return f;
    }
    return NULL;
}

const struct nomad_field *nomad_schema_find_json(const struct nomad_schema *s,
                                                 const char *key, size_t len) {
    for (size_t i = 0; i < s->count; i++)
        if (same(s->fields[i].name, key, len))
            return &s->fields[i];
    for (size_t i = 0; i < s->count; i++)
        if (same_fold(s->fields[i].name, key, len))
            return &s->fields[i];
    return NULL;
}

void nomad_schema_fill_strings(const struct nomad_schema *s, void *obj) {
    for (size_t i = 0; i < s->count; i++) {
        const struct nomad_field *f = &s->fields[i];
        char *at = (char *)obj + f->offset;
        switch (f->kind) {
        case NOMAD_STRING: case NOMAD_BYTES: {
            struct nomad_string *str = (struct nomad_string *)at;
            if (!str->text) {
                str->text = "";
                str->len = 0;
            }
            break;
        }
        case NOMAD_STRUCT:
            if (*(void **)at)
                nomad_schema_fill_strings(f->sub, *(void **)at);
            break;
        case NOMAD_LIST: case NOMAD_NAMED_MAP: {
            struct nomad_list *l = (struct nomad_list *)at;
            for (size_t k = 0; k < l->count; k++)
                if (l->items[k])
                    nomad_schema_fill_strings(f->sub, l->items[k]);
            break;
        }
        default:
            break;
        }
    }
}

bool nomad_field_is_set(const struct nomad_field *f, const void *at) {
    switch (f->kind) {
    case NOMAD_STRING: case NOMAD_BYTES: return ((const struct nomad_string *)at)->set;
    case NOMAD_INT: case NOMAD_UINT: case NOMAD_INT8: case NOMAD_UINT8:
        return ((const struct nomad_int *)at)->set;
    case NOMAD_BOOL: return ((const struct nomad_bool *)at)->set;
    case NOMAD_DURATION: return ((const struct nomad_duration *)at)->set;
    case NOMAD_STRINGS: return ((const struct nomad_strings *)at)->set;
    case NOMAD_MAP: return ((const struct nomad_map *)at)->set;
    case NOMAD_HEADERS: return ((const struct nomad_headers *)at)->set;
    case NOMAD_OPAQUE: return ((const struct nomad_opaque *)at)->value != NULL;
    case NOMAD_STRUCT: return *(const void *const *)at != NULL;
    case NOMAD_LIST: case NOMAD_NAMED_MAP: return ((const struct nomad_list *)at)->set;
    }
    return false;
}

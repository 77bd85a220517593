package sandbox

// scimDirectoriesHandlers are the handlers of the operations in clerkapi/scim_directories.go.
var scimDirectoriesHandlers = map[string]handlerFunc{
	"list_scim_directories":            flagged((*Sandbox).listDirs, true),
	"create_scim_directory":            flagged((*Sandbox).createDir, true),
	"get_scim_directory":               flagged((*Sandbox).getDir, true),
	"update_scim_directory":            flagged((*Sandbox).updateDir, true),
	"delete_scim_directory":            flagged((*Sandbox).deleteDir, true),
	"rotate_scim_directory_api_key":    flagged((*Sandbox).rotateDirKey, true),
	"list_scim_group_role_mappings":    flagged((*Sandbox).listMappings, true),
	"create_scim_group_role_mapping":   flagged((*Sandbox).createMapping, true),
	"replace_scim_group_role_mappings": flagged((*Sandbox).replaceMappings, true),
	"delete_scim_group_role_mapping":   flagged((*Sandbox).deleteMapping, true),
}

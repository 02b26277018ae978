def catalogue_dict():
    return {}
